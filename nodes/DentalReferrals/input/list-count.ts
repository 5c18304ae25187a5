import type { IExecuteFunctions } from 'n8n-workflow';

import { MAX_LISTED_REFERRALS } from '../../shared/api';
import { wholeNumberParameter } from './parameters';

/** The `count` to send for item `itemIndex` (Return All / Limit), checked against the API's 1–100 range. */
export function listCount(this: IExecuteFunctions, itemIndex: number): number {
	if (this.getNodeParameter('returnAll', itemIndex, false) === true) return MAX_LISTED_REFERRALS;
	return wholeNumberParameter.call(this, 'limit', itemIndex, 'Limit', {
		min: 1,
		max: MAX_LISTED_REFERRALS,
		fallback: 50,
	});
}
