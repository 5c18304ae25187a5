import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest, DEFAULT_TIMEOUT_MS, type ApiCall } from '../../shared/transport';
import { inputError } from './input-error';
import { numberParameter, wholeNumberParameter } from './parameters';
import { nodeOf } from '../../shared/node-of';

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
export const requestOptionsField: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
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
	],
};

// Node's timers hold at most 2^31-1 ms; a larger timeout would fire at once.
const MAX_TIMEOUT_SECONDS = 2_147_483;

// The router checks each item's Timeout before sending and the request applies it: one read.
const timeouts = new WeakMap<object, Map<number, number>>();

export function requestTimeoutMs(this: IExecuteFunctions, itemIndex: number): number {
	let known = timeouts.get(this);
	if (!known) {
		known = new Map();
		timeouts.set(this, known);
	}
	let ms = known.get(itemIndex);
	if (ms === undefined) {
		ms = readTimeoutMs.call(this, itemIndex);
		known.set(itemIndex, ms);
	}
	return ms;
}

function readTimeoutMs(this: IExecuteFunctions, itemIndex: number): number {
	const seconds = numberParameter.call(
		this,
		'options.timeout',
		itemIndex,
		'Timeout',
		DEFAULT_TIMEOUT_MS / 1000,
	);
	if (seconds < 0.001 || seconds > MAX_TIMEOUT_SECONDS) {
		throw inputError(
			nodeOf(this),
			itemIndex,
			'Timeout',
			`must be a number of seconds from 0.001 to ${MAX_TIMEOUT_SECONDS}, got ${seconds}`,
		);
	}
	return seconds * 1000;
}

/** An API call from the action node, with the node's Timeout option applied. */
export async function nodeApiRequest(
	this: IExecuteFunctions,
	call: ApiCall & { itemIndex: number },
): Promise<IDataObject> {
	return await apiRequest.call(this, { timeoutMs: requestTimeoutMs.call(this, call.itemIndex), ...call });
}

/** Options → Parallel Requests, for the whole node run (read from the first item). */
export function parallelRequests(this: IExecuteFunctions): number {
	return wholeNumberParameter.call(this, 'options.parallelRequests', 0, 'Parallel Requests', {
		min: 1,
		max: MAX_PARALLEL_REQUESTS,
		fallback: DEFAULT_PARALLEL_REQUESTS,
	});
}
