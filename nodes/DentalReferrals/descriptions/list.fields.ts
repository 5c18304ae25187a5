import type { INodeProperties } from 'n8n-workflow';

import { MAX_LISTED_REFERRALS as API_MAX_COUNT } from '../../shared/api';

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
