import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../shared/options-collection';

/**
 * Parallel Requests: how many items' calls are in flight at once. Chosen from bench/results.md
 * (case prepare-form, 20 ms per request): one at a time leaves the node waiting on the network
 * for most of each item; at 10 the node is close to CPU-bound, so more buys little and only
 * adds load on an API that documents no rate limit. The maximum keeps one node run from
 * opening an unbounded number of connections.
 */
export const DEFAULT_PARALLEL_REQUESTS = 10;
export const MAX_PARALLEL_REQUESTS = 20;

/** Node-wide request options, shown for every operation. */
export const requestOptionsField: INodeProperties = optionsCollection([
	{
		displayName: 'Parallel Requests',
		name: 'parallelRequests',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_PARALLEL_REQUESTS },
		default: DEFAULT_PARALLEL_REQUESTS,
		description:
			'How many items are sent to the API at the same time (at most 20). Output keeps the input order and Continue On Fail still applies per item. 1 sends one item after another.',
	},
	{
		displayName: 'Timeout',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 60,
		description:
			'Seconds to wait for the API to answer. A large upload or download is not cut off while data is still flowing.',
	},
]);
