import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../shared/options-collection';
import { BEFORE_V2_1, FROM_V2_1 } from './node-versions';

/**
 * Parallel Requests: how many items' calls are in flight at once. Chosen from bench/results.md
 * (cases prepare-form and n8n-prepare-form, 20 ms per answer): one at a time leaves the node
 * waiting on the network for most of each item; at 10 it is still bound by the network, and
 * n8n's HTTP Request node, which starts every item at once, overtook it on a fast machine; 20
 * came out well ahead of that node. More is the user's choice, up to a maximum that keeps one node
 * run from holding an unbounded number of connections to an API that documents no rate limit.
 * Versions 1 and 2 keep their default of 10, so a saved workflow's load on the API does not change.
 */
export const DEFAULT_PARALLEL_REQUESTS = 20;
export const DEFAULT_PARALLEL_REQUESTS_BEFORE_V2_1 = 10;
export const MAX_PARALLEL_REQUESTS = 50;

function parallelRequestsField(defaultValue: number): INodeProperties {
	return {
		displayName: 'Parallel Requests',
		name: 'parallelRequests',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_PARALLEL_REQUESTS },
		default: defaultValue,
		description: `How many items are sent to the API at the same time (at most ${MAX_PARALLEL_REQUESTS}). Output keeps the input order and Continue On Fail still applies per item. 1 sends one item after another.`,
	};
}

const timeoutField: INodeProperties = {
	displayName: 'Timeout',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 60,
	description:
		'Seconds to wait for the API to answer. A large upload or download is not cut off while data is still flowing.',
};

/** Node-wide request options, shown for every operation; each node version with its own default. */
export const requestOptionsFields: INodeProperties[] = [
	{
		...optionsCollection([parallelRequestsField(DEFAULT_PARALLEL_REQUESTS_BEFORE_V2_1), timeoutField]),
		displayOptions: BEFORE_V2_1,
	},
	{
		...optionsCollection([parallelRequestsField(DEFAULT_PARALLEL_REQUESTS), timeoutField]),
		displayOptions: FROM_V2_1,
	},
];
