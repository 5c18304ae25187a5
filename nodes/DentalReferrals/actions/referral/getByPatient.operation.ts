import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { listCount, listFields, listReferrals } from '../../descriptions/list.fields';
import { inputError } from '../../helpers/input-error';
import type { SendRequest } from '../operation';
import { PTGUID_PATTERN, textParameter } from '../../helpers/parameters';
import { nodeOf } from '../../../shared/node-of';

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
	const ptguid = textParameter.call(this, 'ptguid', itemIndex, 'PTGUID');
	if (ptguid === '') throw inputError(nodeOf(this), itemIndex, 'PTGUID', 'is required');
	if (!PTGUID_PATTERN.test(ptguid)) {
		throw inputError(
			nodeOf(this),
			itemIndex,
			'PTGUID',
			'is not a PTGUID (Base64 text from Prepare Form or Save Draft)',
		);
	}
	const count = listCount.call(this, itemIndex);
	return async () =>
		await listReferrals.call(this, {
			endpoint: 'patient_referrals',
			qs: { ptguid, count },
			itemIndex,
			notFound: 'Patient',
		});
}
