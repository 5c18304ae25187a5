import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { nodeApiRequest } from '../helpers/api';

import { inputError } from '../helpers/input-error';

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
	const limit = this.getNodeParameter('limit', itemIndex, 50) as unknown;
	const count = Number(limit);
	if (!Number.isInteger(count) || count < 1 || count > API_MAX_COUNT) {
		throw inputError(
			this.getNode(),
			itemIndex,
			'Limit',
			`must be a whole number from 1 to ${API_MAX_COUNT}, got ${JSON.stringify(limit)}`,
		);
	}
	return count;
}

/** Calls a list method (`referral_data` answer) and makes one output item per referral. */
export async function listReferrals(
	this: IExecuteFunctions,
	call: { endpoint: string; qs: Record<string, string | number>; itemIndex: number; notFound?: string },
): Promise<INodeExecutionData[]> {
	const answer = await nodeApiRequest.call(this, { method: 'GET', ...call });
	const data = answer.referral_data;
	return (Array.isArray(data) ? (data as IDataObject[]) : []).map((json) => ({ json }));
}
