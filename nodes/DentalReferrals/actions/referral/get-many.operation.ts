import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { MAX_LISTED_REFERRALS, recentReferrals } from '../../../shared/api';
import { listFields } from '../../descriptions/list.fields';
import { listCount } from '../../input/list-count';
import { callOptions } from '../../input/node-options';
import { addHint } from '../hints';
import { jsonItems, type SendRequest } from '../operation';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['referral'], operation: ['getMany'] } },
	listFields,
);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<SendRequest> {
	const count = listCount.call(this, itemIndex);
	return async () => {
		const referrals = await recentReferrals.call(this, count, callOptions.call(this, itemIndex));
		// API documentation, “Batch Referral Status”: up to 100 referrals, and no paging further back.
		if (referrals.length >= MAX_LISTED_REFERRALS) {
			addHint.call(
				this,
				`Get Recent returned ${referrals.length} referrals, the most the API lists: older referrals may exist and cannot be listed. To reach one, use Get by Patient with the patient's PTGUID, or Get Status with its URN.`,
			);
		}
		return jsonItems(referrals);
	};
}
