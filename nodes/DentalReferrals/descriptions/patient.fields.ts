import type { INodeProperties } from 'n8n-workflow';

import { notificationFields } from './notification.fields';

/**
 * The fields Prepare Form and Save Draft share (API documentation, “Save Draft”: "exactly the
 * same request parameters"); input/patient-form.ts turns them into the API's form body.
 */

export type FieldKind = 'text' | 'flag' | 'choice' | 'digits' | 'id' | 'url' | 'email';

export interface PatientField {
	property: INodeProperties;
	/** The parameter's snake_case name in the API documentation. */
	apiName: string;
	kind: FieldKind;
	choices?: string[];
}

const TITLES = ['Mr', 'Mrs', 'Miss', 'Master', 'Dr'];
const GENDERS = ['M', 'MALE', 'F', 'FEMALE'];
export const SYSTEM_TYPES = ['WD', 'WT', 'PD', 'PC', 'DN', 'DT', 'SE'];

function text(
	displayName: string,
	name: string,
	apiName: string,
	description: string,
	rows = 1,
): PatientField {
	return {
		apiName,
		kind: 'text',
		property: {
			displayName,
			name,
			type: 'string',
			default: '',
			description,
			...(rows > 1 ? { typeOptions: { rows } } : {}),
		},
	};
}

function flag(displayName: string, name: string, apiName: string, description: string): PatientField {
	return {
		apiName,
		kind: 'flag',
		property: { displayName, name, type: 'boolean', default: false, description },
	};
}

const ADDITIONAL_FIELDS: PatientField[] = [
	text(
		'Address Line 1',
		'patientAddressLine1',
		'patient_address_line_1',
		"Patient's address line 1. The address lines are joined into one address field on the form.",
	),
	text('Address Line 2', 'patientAddressLine2', 'patient_address_line_2', "Patient's address line 2"),
	text('Address Line 3', 'patientAddressLine3', 'patient_address_line_3', "Patient's address line 3"),
	{
		apiName: 'patient_email',
		kind: 'email',
		property: {
			displayName: 'Email',
			name: 'patientEmail',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: "Patient's email address",
		},
	},
	{
		apiName: 'fileupload_id',
		kind: 'id',
		property: {
			displayName: 'File Upload ID',
			name: 'fileuploadId',
			type: 'number',
			default: 0,
			description:
				'ID of a file upload (from Prepare File Upload or Upload Files) whose files are attached to this referral',
		},
	},
	{
		apiName: 'files_ready_webhook_url',
		kind: 'url',
		property: {
			displayName: 'Files Ready Webhook URL',
			name: 'filesReadyWebhookUrl',
			type: 'string',
			default: '',
			placeholder: 'https://n8n.example.com/webhook/…',
			description: 'URL the API POSTs {"urn", "files"} to once the referral is submitted and its PDFs exist',
		},
	},
	text('First Name', 'patientFirstName', 'patient_first_name', "Patient's first name"),
	{
		apiName: 'gender',
		kind: 'choice',
		choices: GENDERS,
		property: {
			displayName: 'Gender',
			name: 'gender',
			type: 'options',
			options: [
				{ name: 'F', value: 'F' },
				{ name: 'FEMALE', value: 'FEMALE' },
				{ name: 'M', value: 'M' },
				{ name: 'MALE', value: 'MALE' },
			],
			default: 'F',
			description: "Patient's gender",
		},
	},
	text('GP Name', 'patientGpName', 'patient_gp_name', "Name of the patient's general practitioner"),
	text(
		'GP Postcode',
		'patientGpPostcode',
		'patient_gp_postcode',
		"Postcode of the patient's general practitioner",
	),
	text(
		'GP Street Address',
		'patientGpStreetAddress',
		'patient_gp_street_address',
		"Street address of the patient's general practitioner",
	),
	text('GP Town', 'patientGpTown', 'patient_gp_town', "City or town of the patient's general practitioner"),
	text('Home Phone', 'patientHomeTel', 'patient_home_tel', "Patient's home phone number"),
	text('Last Name', 'patientLastName', 'patient_last_name', "Patient's last name"),
	text(
		'Medical Alerts and History',
		'medicalHistoryText',
		'medical_history_text',
		'Medical alert information or further medical history, as free text',
		4,
	),
	flag(
		'Medical Forms as Single File',
		'medicalFormsAsSingleFile',
		'medical_forms_as_single_file',
		'Whether the exported PDF forms are merged into one file in the files-ready notification',
	),
	text(
		'Medications',
		'medicalHistoryDrugs',
		'medical_history_drugs',
		"The patient's current medications, as free text",
		4,
	),
	text('Mobile Phone', 'patientMobileTel', 'patient_mobile_tel', "Patient's mobile phone number"),
	{
		apiName: 'nhs_number',
		kind: 'digits',
		property: {
			displayName: 'NHS Number',
			name: 'nhsNumber',
			type: 'string',
			default: '',
			placeholder: '943 476 5919',
			description: "Patient's NHS number; spaces and hyphens are removed before sending",
		},
	},
	text(
		'Patient Identifier',
		'patientIdentifier',
		'patient_identifier',
		"Your system's own ID for the patient. The API derives the PTGUID from it, for Get by Patient.",
	),
	flag(
		'Permission to SMS',
		'permissionSms',
		'permission_sms',
		'Whether the patient may be contacted by SMS on their mobile number',
	),
	text(
		'Phone Number',
		'patientPhoneNumber',
		'patient_phone_number',
		'A phone number that is not known to be home, work or mobile',
	),
	text('Postcode', 'patientPostcode', 'patient_postcode', "Patient's postcode"),
	text('Referrer GDC Number', 'referrerGdc', 'referrer_gdc', "Referrer's General Dental Council number"),
	text('Referrer Name', 'referrerName', 'referrer_name', "Referrer's name"),
	{
		apiName: 'system_type',
		kind: 'choice',
		choices: SYSTEM_TYPES,
		property: {
			displayName: 'System Type',
			name: 'systemType',
			type: 'options',
			options: SYSTEM_TYPES.map((value) => ({
				name: value,
				value,
				description:
					value === 'SE' ? 'The user picks the form type in the browser (Prepare Form only)' : undefined,
			})),
			default: 'WD',
			description: 'Which kind of system is calling the API; the API assumes WD when it is not sent',
		},
	},
	{
		apiName: 'patient_title',
		kind: 'choice',
		choices: TITLES,
		property: {
			displayName: 'Title',
			name: 'patientTitle',
			type: 'options',
			options: [...TITLES].sort().map((value) => ({ name: value, value })),
			default: 'Mr',
			description: "Patient's title",
		},
	},
	text('Town', 'patientTown', 'patient_town', "Patient's town or city"),
	flag('Urgent', 'urgent', 'urgent', 'Whether the care type is Urgent (otherwise Routine)'),
	text('Work Phone', 'patientWorkTel', 'patient_work_tel', "Patient's work phone number"),
];

export const formTypeField = (required: boolean): INodeProperties => ({
	displayName: 'Form Type Name or ID',
	name: 'formType',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getFormTypes' },
	default: '',
	required,
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	...(required
		? {}
		: { hint: 'May be left empty only with System Type SE: the user then picks the form in the browser' }),
});

export const patientFields: INodeProperties[] = [
	{
		displayName: 'Patient Date of Birth',
		name: 'patientDob',
		type: 'string',
		default: '',
		required: true,
		placeholder: '31/01/1980',
		description:
			'DD/MM/YYYY, an ISO date (1980-01-31) or a date from an expression; always sent as DD/MM/YYYY',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: ADDITIONAL_FIELDS.map((field) => field.property),
	},
	...notificationFields,
];

/** The Additional Fields by parameter name. */
export const FIELD_BY_NAME = new Map(ADDITIONAL_FIELDS.map((field) => [field.property.name, field]));
