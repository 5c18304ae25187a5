import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { patientReferrals } from '../../../shared/api';
import { listFields } from '../../descriptions/list.fields';
import { listCount } from '../../input/list-count';
import { callOptions } from '../../input/node-options';
import { ptguidParameter } from '../../input/parameters';
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
	return async () =>
		jsonItems(await patientReferrals.call(this, ptguid, count, callOptions.call(this, itemIndex)));
}
