// Parameter and header validation as the seed documents it. Every message names the parameter
// or header at fault, so a client's error output can point the user at the right field.
import type { PracticeSeed } from './types';

export interface ValidationError {
	status: number;
	message: string;
}

/** The documented prepare_form / save_draft parameters (shared; unknown ones are ignored). */
export const FORM_PARAMETERS = [
	'system_type',
	'form_type',
	'patient_title',
	'patient_first_name',
	'patient_last_name',
	'patient_dob',
	'patient_postcode',
	'patient_email',
	'patient_address_line_1',
	'patient_address_line_2',
	'patient_address_line_3',
	'patient_town',
	'patient_mobile_tel',
	'patient_home_tel',
	'patient_work_tel',
	'patient_phone_number',
	'permission_sms',
	'nhs_number',
	'gender',
	'patient_gp_name',
	'patient_gp_postcode',
	'patient_gp_street_address',
	'patient_gp_town',
	'referrer_gdc',
	'referrer_name',
	'urgent',
	'medical_history_drugs',
	'medical_history_text',
	'medical_forms_as_single_file',
	'files_ready_webhook_url',
	'patient_identifier',
	'fileupload_id',
] as const;

export const SYSTEM_TYPES = ['WD', 'WT', 'PD', 'PC', 'DN', 'DT', 'SE'];
export const PATIENT_TITLES = ['Mr', 'Mrs', 'Miss', 'Master', 'Dr'];
export const GENDERS = ['M', 'MALE', 'F', 'FEMALE'];
/** API documentation, “Add File”: the supported Upload-Content-Type values. */
export const UPLOAD_CONTENT_TYPES = [
	'image/jpeg',
	'image/jpg',
	'image/bmp',
	'image/tiff',
	'image/png',
	'text/rtf',
	'application/pdf',
	'application/msword',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
];
export const UPLOAD_KINDS = ['radiograph', 'other'];

/** A real calendar date written DD/MM/YYYY (two, two and four digits). */
export function isValidDate(value: string): boolean {
	const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
	if (!match) return false;
	const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		year >= 1 &&
		date.getUTCFullYear() === year &&
		date.getUTCMonth() === month - 1 &&
		date.getUTCDate() === day
	);
}

function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
	} catch {
		return false;
	}
}

function oneOf(params: Record<string, string>, name: string, allowed: string[]): ValidationError | undefined {
	const value = params[name];
	if (value === undefined || allowed.includes(value)) return undefined;
	return { status: 400, message: `${name} must be one of: ${allowed.join(', ')} (got '${value}')` };
}

/**
 * Validates prepare_form / save_draft parameters (the fileupload_id lookup is left to the route).
 *
 * Choices where the seed is silent: optional enumerated parameters that are present but empty are
 * refused (the values are case-sensitive as documented); free-text parameters may be empty.
 * nhs_number must be digits only (the seed types it Numeric; no spaces).
 */
export function validateFormParams(
	params: Record<string, string>,
	practice: PracticeSeed,
	method: 'prepare_form' | 'save_draft',
): ValidationError | undefined {
	const systemType = params.system_type ?? 'WD';
	const enumError = oneOf(params, 'system_type', SYSTEM_TYPES);
	if (enumError) return enumError;

	const formType = params.form_type;
	// SE lets the user pick the form in the browser, on prepare_form only (changelog: "This does
	// not apply to the Save Draft API method").
	if (formType === undefined || formType === '') {
		if (!(method === 'prepare_form' && systemType === 'SE')) {
			return { status: 400, message: 'form_type is required (one of the types returned by available_forms)' };
		}
	} else if (!practice.forms.includes(formType)) {
		return {
			status: 400,
			message: `form_type '${formType}' is not enabled for this API key; available: ${practice.forms.join(', ')}`,
		};
	}

	const dob = params.patient_dob;
	if (dob === undefined || dob === '')
		return { status: 422, message: 'patient_dob is required, in DD/MM/YYYY format' };
	if (!isValidDate(dob))
		return { status: 422, message: `patient_dob must be a real date in DD/MM/YYYY format (got '${dob}')` };

	for (const [name, allowed] of [
		['patient_title', PATIENT_TITLES],
		['gender', GENDERS],
	] as const) {
		const error = oneOf(params, name, allowed);
		if (error) return error;
	}
	for (const name of ['permission_sms', 'urgent', 'medical_forms_as_single_file']) {
		const error = oneOf(params, name, ['0', '1']);
		if (error) return error;
	}
	if (params.nhs_number !== undefined && !/^\d+$/.test(params.nhs_number)) {
		return { status: 400, message: `nhs_number must be numeric (got '${params.nhs_number}')` };
	}
	if (params.files_ready_webhook_url !== undefined && !isHttpUrl(params.files_ready_webhook_url)) {
		return { status: 400, message: 'files_ready_webhook_url must be an http(s) URL' };
	}
	if (params.fileupload_id !== undefined && !/^\d+$/.test(params.fileupload_id)) {
		return { status: 400, message: `fileupload_id must be numeric (got '${params.fileupload_id}')` };
	}
	return undefined;
}

/**
 * `count` of batch_referral_status / patient_referrals: default 100, larger values capped to 100
 * (as documented); anything that is not a whole number >= 1 (including an empty value) is a 400.
 */
export function parseCount(value: string | null): number | ValidationError {
	if (value === null) return 100;
	if (!/^\d+$/.test(value) || Number(value) < 1) {
		return { status: 400, message: `count must be a whole number from 1 to 100 (got '${value}')` };
	}
	return Math.min(Number(value), 100);
}

export interface UploadHeaders {
	contentType: string;
	filename: string;
	kind: 'radiograph' | 'other';
	date?: string;
}

/** The add_file headers: Upload-Content-Type, Upload-Filename, Upload-Kind, Upload-Date. */
export function validateUploadHeaders(
	headers: Record<string, string | string[] | undefined>,
): UploadHeaders | ValidationError {
	const header = (name: string): string | undefined => {
		const value = headers[name];
		return Array.isArray(value) ? value[0] : value;
	};
	const contentType = header('upload-content-type');
	if (!contentType) return { status: 400, message: 'Upload-Content-Type header is required' };
	if (!UPLOAD_CONTENT_TYPES.includes(contentType)) {
		return {
			status: 400,
			message: `Upload-Content-Type '${contentType}' is not supported; use one of: ${UPLOAD_CONTENT_TYPES.join(', ')}`,
		};
	}
	const filename = header('upload-filename');
	if (!filename) return { status: 400, message: 'Upload-Filename header is required' };
	const kind = header('upload-kind') ?? 'other';
	if (!UPLOAD_KINDS.includes(kind))
		return { status: 400, message: `Upload-Kind must be one of: radiograph, other (got '${kind}')` };
	const date = header('upload-date');
	if (kind === 'radiograph' && !date)
		return { status: 400, message: 'Upload-Date header is required when Upload-Kind is radiograph' };
	if (date !== undefined && !isValidDate(date)) {
		return { status: 400, message: `Upload-Date must be a real date in DD/MM/YYYY format (got '${date}')` };
	}
	return { contentType, filename, kind: kind as 'radiograph' | 'other', date };
}

export function isValidationError(value: unknown): value is ValidationError {
	return typeof value === 'object' && value !== null && 'status' in value && 'message' in value;
}
