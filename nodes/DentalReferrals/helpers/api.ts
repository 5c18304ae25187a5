import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest, DEFAULT_TIMEOUT_MS, type ApiCall } from '../../shared/transport';
import { inputError } from './input-error';

/** Node-wide request options, shown for every operation. */
export const requestOptionsField: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
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

export function requestTimeoutMs(this: IExecuteFunctions, itemIndex: number): number {
	const seconds = this.getNodeParameter('options.timeout', itemIndex, DEFAULT_TIMEOUT_MS / 1000) as unknown;
	const value = Number(seconds);
	if (!Number.isFinite(value) || value <= 0) {
		throw inputError(
			this.getNode(),
			itemIndex,
			'Timeout',
			`must be a positive number of seconds, got ${JSON.stringify(seconds)}`,
		);
	}
	return value * 1000;
}

/** An API call from the action node, with the node's Timeout option applied. */
export async function nodeApiRequest(
	this: IExecuteFunctions,
	call: ApiCall & { itemIndex: number },
): Promise<IDataObject> {
	return await apiRequest.call(this, { timeoutMs: requestTimeoutMs.call(this, call.itemIndex), ...call });
}
