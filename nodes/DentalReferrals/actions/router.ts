import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type NodeApiError,
} from 'n8n-workflow';

import { nodeOf } from '../../shared/node-of';
import { parallelRequests, requestTimeoutMs } from '../input/node-options';
import { nodeParameter } from '../input/parameters';
import * as document from './document';
import * as draft from './draft';
import * as fileUpload from './file-upload';
import * as form from './form';
import type { NodeOperations } from './node-type';
import type { Operation, SendRequest } from './operation';
import * as referral from './referral';

const resources: NodeOperations = {
	form: form.operations,
	draft: draft.operations,
	referral: referral.operations,
	fileUpload: fileUpload.operations,
	document: document.operations,
};

const hasOwn = (table: object, key: string) => Object.prototype.hasOwnProperty.call(table, key);

/** The operation a (resource, operation) pair of parameter values names, if it exists. */
function operationOf(resource: string, operation: string): Operation | undefined {
	if (!hasOwn(resources, resource)) return undefined;
	const operations: Record<string, Operation> = resources[resource as keyof NodeOperations];
	return hasOwn(operations, operation) ? operations[operation] : undefined;
}

type Failure = NodeOperationError | NodeApiError;

function asNodeError(this: IExecuteFunctions, error: unknown, itemIndex: number): Failure {
	if (error instanceof NodeOperationError || (error as { name?: string })?.name === 'NodeApiError') {
		return error as Failure;
	}
	// Anything else is a bug of ours or of n8n; its message is kept, never a request object.
	return new NodeOperationError(nodeOf(this), (error as Error)?.message ?? String(error), { itemIndex });
}

function errorItem(error: Failure, itemIndex: number): INodeExecutionData {
	const json: INodeExecutionData['json'] = { error: error.message };
	if (error.description) json.description = error.description;
	const httpCode = (error as NodeApiError).httpCode;
	if (httpCode) json.httpCode = httpCode;
	return { json, pairedItem: { item: itemIndex } };
}

/**
 * Runs the chosen operation for every input item, in two passes: first every item's input
 * is read and checked (no request yet), then the requests are sent (one at a time, or up to
 * Options → Parallel Requests at once), the output in item order. So bad
 * input stops the node before anything reaches the API, unless Continue On Fail is set, in
 * which case that item becomes an error item and the others still run.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	if (items.length === 0) return [output];
	const planned: Array<SendRequest | Failure> = [];

	for (let i = 0; i < items.length; i++) {
		try {
			const resource = nodeParameter.call(this, 'resource', i) as string;
			const operationName = nodeParameter.call(this, 'operation', i) as string;
			const operation = operationOf(resource, operationName);
			if (!operation) {
				throw new NodeOperationError(
					nodeOf(this),
					`Unknown operation "${operationName}" of resource "${resource}"`,
					{ itemIndex: i },
				);
			}
			// Node options are checked with the item's input too, before any request.
			requestTimeoutMs.call(this, i);
			planned.push(await operation.prepare.call(this, i));
		} catch (error) {
			const failure = asNodeError.call(this, error, i);
			if (!this.continueOnFail()) throw failure;
			planned.push(failure);
		}
	}

	// Send: up to Parallel Requests at a time; results are kept in input order.
	const results: INodeExecutionData[][] = new Array(items.length);
	let next = 0;
	let stop: Failure | undefined;
	const sendNext = async (): Promise<void> => {
		while (next < items.length && !stop) {
			const i = next++;
			const plan = planned[i];
			if (typeof plan !== 'function') {
				results[i] = [errorItem(plan, i)];
				continue;
			}
			try {
				const itemOutput = await plan();
				for (const item of itemOutput) item.pairedItem = { item: i };
				results[i] = itemOutput;
			} catch (error) {
				const failure = asNodeError.call(this, error, i);
				if (this.continueOnFail()) results[i] = [errorItem(failure, i)];
				else stop ??= failure;
			}
		}
	};
	const workers = Math.min(parallelRequests.call(this), items.length);
	await Promise.all(Array.from({ length: workers }, sendNext));
	if (stop) throw stop;
	for (const itemOutput of results) output.push(...itemOutput);
	return [output];
}
