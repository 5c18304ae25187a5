import type { IExecuteFunctions } from 'n8n-workflow';

import { DEFAULT_TIMEOUT_MS, type CallOptions } from '../../shared/api';
import { nodeOf } from '../../shared/node-of';
import { VERSION_2_1 } from '../descriptions/node-versions';
import {
	DEFAULT_PARALLEL_REQUESTS,
	DEFAULT_PARALLEL_REQUESTS_BEFORE_V2_1,
	MAX_PARALLEL_REQUESTS,
} from '../descriptions/options.fields';
import { inputError } from './input-error';
import { numberParameter, wholeNumberParameter } from './parameters';

/** The node's Options (Timeout, Parallel Requests), read and checked. */

// Node's timers hold at most 2^31-1 ms; a larger timeout would fire at once.
const MAX_TIMEOUT_SECONDS = 2_147_483;

// The router checks each item's Timeout before sending and the request applies it: one read.
// Kept by item index in an array (a node run's items are 0..n-1).
const timeouts = new WeakMap<object, number[]>();

export function requestTimeoutMs(this: IExecuteFunctions, itemIndex: number): number {
	let known = timeouts.get(this);
	if (!known) {
		known = [];
		timeouts.set(this, known);
	}
	return (known[itemIndex] ??= readTimeoutMs.call(this, itemIndex));
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

/** How a call for item `itemIndex` is made: for that item, with the node's Timeout option applied. */
export function callOptions(this: IExecuteFunctions, itemIndex: number): CallOptions {
	return { itemIndex, timeoutMs: requestTimeoutMs.call(this, itemIndex) };
}

/**
 * Options → Parallel Requests, for the whole node run (read from the first item). Left out of
 * a saved workflow when at its default, so the default is the node version's (node-versions.ts).
 */
export function parallelRequests(this: IExecuteFunctions): number {
	const fallback =
		nodeOf(this).typeVersion >= VERSION_2_1
			? DEFAULT_PARALLEL_REQUESTS
			: DEFAULT_PARALLEL_REQUESTS_BEFORE_V2_1;
	return wholeNumberParameter.call(this, 'options.parallelRequests', 0, 'Parallel Requests', {
		min: 1,
		max: MAX_PARALLEL_REQUESTS,
		fallback,
	});
}
