import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { nodeApiRequest } from '../../helpers/api';
import { listCount, listFields, referralItems } from '../../descriptions/list.fields';
import { jsonItems, type SendRequest } from '../operation';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['referral'], operation: ['getMany'] } },
	listFields,
);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<SendRequest> {
	const count = listCount.call(this, itemIndex);
	return async () =>
		jsonItems(
			referralItems(
				await nodeApiRequest.call(this, {
					method: 'GET',
					endpoint: 'batch_referral_status',
					qs: { count },
					itemIndex,
				}),
			),
		);
}
