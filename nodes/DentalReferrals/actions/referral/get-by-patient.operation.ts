import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { patientReferrals } from '../../../shared/api';
import { listFields } from '../../descriptions/list.fields';
import { listCount } from '../../input/list-count';
import { callOptions } from '../../input/node-options';
import { ptguidParameter } from '../../input/parameters';
import { addHint } from '../hints';
import { jsonItems, type SendRequest } from '../operation';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['referral'], operation: ['getByPatient'] } },
	[
		{
			displayName: 'PTGUID',
			name: 'ptguid',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'NDJhNDJhNTJlOTZmOTE5YTdmYTc=',
			description: 'Patient GUID returned by Prepare Form or Save Draft when a Patient Identifier was sent',
		},
		...listFields,
	],
);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<SendRequest> {
	const ptguid = ptguidParameter.call(this, itemIndex);
	const count = listCount.call(this, itemIndex);
	return async () => {
		const referrals = await patientReferrals.call(this, ptguid, count, callOptions.call(this, itemIndex));
		// API documentation, “Referral Status By Patient”: referrals submitted for a PTGUID, which is
		// made from the API key, so another practice's key finds none. No PTGUID in the hint: patient data.
		if (referrals.length === 0) {
			addHint.call(
				this,
				"Get by Patient found no referrals for a PTGUID. The API lists a patient's referrals only once they are submitted (a prepared form or saved draft counts after the clinician submits it), and only under the practice's API key whose Prepare Form or Save Draft returned that PTGUID.",
			);
		}
		return jsonItems(referrals);
	};
}
