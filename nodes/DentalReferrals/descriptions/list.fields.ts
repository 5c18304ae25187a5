import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { nodeApiRequest } from '../helpers/api';

import { wholeNumberParameter } from '../helpers/parameters';

/** The API returns at most the 100 most recent referrals and has no paging beyond them. */
export const API_MAX_COUNT = 100;

/**
 * Return All / Limit; the operation adds its own displayOptions with updateDisplayOptions.
 * "All" is the API's maximum: the 100 most recent referrals.
 */
export const listFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: API_MAX_COUNT },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** The `count` to send for item `itemIndex`, checked against the API's 1–100 range. */
export function listCount(this: IExecuteFunctions, itemIndex: number): number {
	if (this.getNodeParameter('returnAll', itemIndex, false) === true) return API_MAX_COUNT;
	return wholeNumberParameter.call(this, 'limit', itemIndex, 'Limit', {
		min: 1,
		max: API_MAX_COUNT,
		fallback: 50,
	});
}

/** Calls a list method (`referral_data` answer) and makes one output item per referral. */
export async function listReferrals(
	this: IExecuteFunctions,
	call: { endpoint: string; qs: Record<string, string | number>; itemIndex: number; notFound?: string },
): Promise<INodeExecutionData[]> {
	const answer = await nodeApiRequest.call(this, { method: 'GET', ...call });
	// apiRequest has checked the documented shape: referral_data is an array of referral objects.
	return (answer.referral_data as IDataObject[]).map((json) => ({ json }));
}
