import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { recentReferrals } from '../../../shared/api';
import { listFields } from '../../descriptions/list.fields';
import { listCount } from '../../input/list-count';
import { callOptions } from '../../input/node-options';
import { jsonItems, type SendRequest } from '../operation';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['referral'], operation: ['getMany'] } },
	listFields,
);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<SendRequest> {
	const count = listCount.call(this, itemIndex);
	return async () => jsonItems(await recentReferrals.call(this, count, callOptions.call(this, itemIndex)));
}
