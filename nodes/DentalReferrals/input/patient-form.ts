import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import type { PatientForm } from '../../shared/api';
import { nodeOf } from '../../shared/node-of';
import { FIELD_BY_NAME, type PatientField } from '../descriptions/patient.fields';
import { toApiDate } from './dates';
import { inputError } from './input-error';
import { notificationUrl } from './notification-url';
import { nodeParameter, textParameter, toFlag, toNumber, toText } from './parameters';

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function choiceValue(choices: string[], value: string): string | undefined {
	const wanted = value.toLowerCase();
	return choices.find((choice) => choice.toLowerCase() === wanted);
}

/** One additional field's value as the API wants it, or undefined for "not set". */
function fieldValue(node: INode, itemIndex: number, field: PatientField, value: unknown): string | undefined {
	const label = field.property.displayName;
	if (field.kind === 'flag') return toFlag(node, itemIndex, label, value);
	if (field.kind === 'id') {
		const id = toNumber(node, itemIndex, label, value);
		// 0 is the field's "not set" default.
		if (id === 0) return undefined;
		if (!Number.isSafeInteger(id) || id < 0) {
			throw inputError(node, itemIndex, label, `must be a whole number of at least 1, got ${id}`);
		}
		return String(id);
	}
	const text = toText(node, itemIndex, label, value).trim();
	switch (field.kind) {
		case 'choice': {
			const choice = choiceValue(field.choices ?? [], text);
			if (!choice) {
				throw inputError(
					node,
					itemIndex,
					label,
					`"${text.slice(0, 40)}" is not one of ${(field.choices ?? []).join(', ')}`,
				);
			}
			return choice;
		}
		case 'digits': {
			const digits = text.replace(/[\s-]/g, '');
			if (!/^\d+$/.test(digits)) throw inputError(node, itemIndex, label, 'must contain digits only');
			return digits;
		}
		case 'url': {
			let url: URL | undefined;
			try {
				url = new URL(text);
			} catch {
				url = undefined;
			}
			if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
				throw inputError(node, itemIndex, label, 'must be an absolute http(s) URL');
			}
			return url.href;
		}
		case 'email':
			if (!/^[^\s@]+@[^\s@]+$/.test(text))
				throw inputError(node, itemIndex, label, `"${text.slice(0, 40)}" is not an email address`);
			return text;
		default:
			// Free text is sent as typed (only surrounding white space trimmed).
			return text;
	}
}

/** Reads the shared fields of item `itemIndex` and returns the API's form body, or throws naming the field. */
export function patientForm(
	this: IExecuteFunctions,
	itemIndex: number,
	options: { formTypeOptionalForSE: boolean },
): PatientForm {
	const node = nodeOf(this);
	const form: PatientForm = {};
	const additional = nodeParameter.call(this, 'additionalFields', itemIndex, {}) as IDataObject;

	for (const [name, value] of Object.entries(additional)) {
		const field = FIELD_BY_NAME.get(name);
		if (!field || isEmpty(value)) continue;
		form[field.apiName] = fieldValue(node, itemIndex, field, value) ?? '';
		if (form[field.apiName] === '') delete form[field.apiName];
	}

	const notifyUrl = notificationUrl.call(this, itemIndex, form.files_ready_webhook_url);
	if (notifyUrl) form.files_ready_webhook_url = notifyUrl;

	const dob = toApiDate(nodeParameter.call(this, 'patientDob', itemIndex, ''));
	if (!dob.ok)
		throw inputError(node, itemIndex, 'Patient Date of Birth', dob.problem, 'Use DD/MM/YYYY or YYYY-MM-DD.');
	form.patient_dob = dob.value;

	const formType = textParameter.call(this, 'formType', itemIndex, 'Form Type');
	if (formType !== '') {
		form.form_type = formType;
	} else if (!(options.formTypeOptionalForSE && form.system_type === 'SE')) {
		throw inputError(
			node,
			itemIndex,
			'Form Type',
			options.formTypeOptionalForSE ? 'is required unless System Type is SE' : 'is required',
		);
	}
	return form;
}
