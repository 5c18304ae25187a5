import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { ApiContext, CallOptions, PatientForm } from '../../shared/api';
import { formTypeField, patientFields } from '../descriptions/patient.fields';
import { callOptions } from '../input/node-options';
import { patientForm } from '../input/patient-form';
import { jsonItems, type Operation } from './operation';

type PatientFormMethod = (this: ApiContext, form: PatientForm, call?: CallOptions) => Promise<IDataObject>;

/**
 * Prepare Form and Save Draft take exactly the same parameters (API documentation, “Save
 * Draft”) and differ in their API method and in whether system type SE may leave the form
 * type out.
 */
export function patientFormOperation(options: {
	resource: string;
	operation: string;
	send: PatientFormMethod;
	formTypeOptionalForSE: boolean;
	/** Runs after a successful answer, e.g. to add execution hints. */
	afterSend?: (this: IExecuteFunctions, form: PatientForm, itemIndex: number) => void;
}): Operation {
	return {
		description: updateDisplayOptions(
			{ show: { resource: [options.resource], operation: [options.operation] } },
			[formTypeField(!options.formTypeOptionalForSE), ...patientFields],
		),
		async prepare(this: IExecuteFunctions, itemIndex: number) {
			const form = patientForm.call(this, itemIndex, options);
			return async () => {
				const answer = await options.send.call(this, form, callOptions.call(this, itemIndex));
				options.afterSend?.call(this, form, itemIndex);
				return jsonItems(answer);
			};
		},
	};
}
