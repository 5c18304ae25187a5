import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type NodeApiError,
} from 'n8n-workflow';

import * as document from './document';
import * as draft from './draft';
import * as fileUpload from './fileUpload';
import * as form from './form';
import type { Operation, SendRequest } from './operation';
import * as referral from './referral';

const resources: Record<string, Record<string, Operation>> = {
	form: form.operations,
	draft: draft.operations,
	referral: referral.operations,
	fileUpload: fileUpload.operations,
	document: document.operations,
};

type Failure = NodeOperationError | NodeApiError;

function asNodeError(this: IExecuteFunctions, error: unknown, itemIndex: number): Failure {
	if (error instanceof NodeOperationError || (error as { name?: string })?.name === 'NodeApiError') {
		return error as Failure;
	}
	// Anything else is a bug of ours or of n8n; its message is kept, never a request object.
	return new NodeOperationError(this.getNode(), (error as Error)?.message ?? String(error), { itemIndex });
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
 * is read and checked (no request yet), then the requests are sent in item order. So bad
 * input stops the node before anything reaches the API, unless Continue On Fail is set, in
 * which case that item becomes an error item and the others still run.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	const planned: Array<SendRequest | Failure> = [];

	for (let i = 0; i < items.length; i++) {
		try {
			const resource = this.getNodeParameter('resource', i) as string;
			const operationName = this.getNodeParameter('operation', i) as string;
			const operation = resources[resource]?.[operationName];
			if (!operation) {
				throw new NodeOperationError(
					this.getNode(),
					`Unknown operation "${operationName}" of resource "${resource}"`,
					{ itemIndex: i },
				);
			}
			planned.push(await operation.prepare.call(this, i));
		} catch (error) {
			const failure = asNodeError.call(this, error, i);
			if (!this.continueOnFail()) throw failure;
			planned.push(failure);
		}
	}

	for (let i = 0; i < items.length; i++) {
		const plan = planned[i];
		if (typeof plan !== 'function') {
			output.push(errorItem(plan, i));
			continue;
		}
		try {
			for (const item of await plan()) output.push({ ...item, pairedItem: { item: i } });
		} catch (error) {
			const failure = asNodeError.call(this, error, i);
			if (!this.continueOnFail()) throw failure;
			output.push(errorItem(failure, i));
		}
	}
	return [output];
}
