import type { IDataObject } from 'n8n-workflow';

import { apiRequest, type AnswerCheck, type ApiContext } from '../transport';
import type { CallOptions } from './call-options';
import { field, first, isHttpUrl, isNumericId, isText } from './shape';

/** API documentation, “List Available Forms”: the form types enabled for the key, e.g. "AdultRestorativeForm". */
export async function availableForms(this: ApiContext, call: CallOptions = {}): Promise<string[]> {
	const answer = await apiRequest.call(this, {
		method: 'GET',
		endpoint: 'available_forms',
		check: (value) =>
			Array.isArray(value) && value.every(isText)
				? undefined
				: { expected: 'a JSON array of form type names', found: value },
		...call,
	});
	return answer as string[];
}

/** The form body of Prepare Form and Save Draft: snake_case parameters as the API documents them. */
export type PatientForm = Record<string, string>;

/** A method that takes the patient form (Prepare Form and Save Draft take exactly the same parameters). */
function patientFormMethod(endpoint: string, check: AnswerCheck) {
	return async function (this: ApiContext, form: PatientForm, call: CallOptions = {}): Promise<IDataObject> {
		return (await apiRequest.call(this, {
			method: 'POST',
			endpoint,
			form,
			// The only entity these calls can miss is the file upload they attach.
			notFound: form.fileupload_id ? `File upload ${form.fileupload_id}` : undefined,
			check,
			...call,
		})) as IDataObject;
	};
}

/** API documentation, “Prepare Form”: a pre-filled form and its unique URL. */
export const prepareForm = patientFormMethod(
	'prepare_form',
	first(
		(answer) => field(answer, 'urn', isText, 'a urn'),
		(answer) => field(answer, 'prepared_form_url', isHttpUrl, 'an http(s) prepared_form_url'),
	),
);

/** API documentation, “Save Draft”: the same parameters as Prepare Form, saved to the practice's account. */
export const saveDraft = patientFormMethod(
	'save_draft',
	first(
		(answer) => field(answer, 'draft_id', isNumericId, 'a numeric draft_id'),
		(answer) => field(answer, 'urn', isText, 'a urn'),
	),
);
