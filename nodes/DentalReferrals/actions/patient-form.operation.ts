import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import { nodeApiRequest } from '../helpers/api';
import { formTypeField, patientFields, patientForm } from '../descriptions/patient.fields';
import { jsonItems, type Operation } from './operation';

/**
 * Prepare Form and Save Draft take exactly the same parameters (the seed says so) and
 * differ in endpoint and in whether system type SE may leave the form type out.
 */
export function patientFormOperation(options: {
	resource: string;
	operation: string;
	endpoint: string;
	formTypeOptionalForSE: boolean;
}): Operation {
	return {
		description: updateDisplayOptions(
			{ show: { resource: [options.resource], operation: [options.operation] } },
			[formTypeField(!options.formTypeOptionalForSE), ...patientFields],
		),
		async prepare(this: IExecuteFunctions, itemIndex: number) {
			const form = await patientForm.call(this, itemIndex, options);
			// The only entity these calls can miss is the file upload they attach.
			const notFound = form.fileupload_id ? `File upload ${form.fileupload_id}` : undefined;
			return async () =>
				jsonItems(
					await nodeApiRequest.call(this, {
						method: 'POST',
						endpoint: options.endpoint,
						form,
						itemIndex,
						notFound,
					}),
				);
		},
	};
}
