import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { listCount, listFields, listReferrals } from '../../descriptions/list.fields';
import type { SendRequest } from '../operation';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['referral'], operation: ['getMany'] } },
	listFields,
);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<SendRequest> {
	const count = listCount.call(this, itemIndex);
	return async () =>
		await listReferrals.call(this, { endpoint: 'batch_referral_status', qs: { count }, itemIndex });
}
