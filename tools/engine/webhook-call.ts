import type { IncomingMessage, ServerResponse } from 'node:http';

import { WebhookContext, WorkflowExecute } from 'n8n-core';
import type { INodeExecutionData, IRunExecutionData } from 'n8n-workflow';

import { runResult } from './run-workflow';
import { answerError, webhookCallData } from './webhook-request';
import type { WorkflowInstance } from './workflow-instance';

/**
 * One call of the production webhook, the way n8n's live webhooks run it: the node's webhook() in
 * a real WebhookContext, n8n's "onReceived" answer, then the execution in n8n's engine. The
 * execution is not awaited (n8n answers first); it is handed to `track` and recorded when done.
 */
export async function callWebhook(
	instance: WorkflowInstance,
	req: IncomingMessage,
	res: ServerResponse,
	url: URL,
	track: (execution: Promise<void>) => void,
): Promise<void> {
	const { workflow, additionalData } = instance.build();
	const { node, nodeType, description, path } = instance.describe(workflow);
	if (req.method !== description.httpMethod || url.pathname !== `/webhook/${path}`) {
		answerError(res, 404, 'not registered');
		return;
	}
	const callData = await webhookCallData(req, res, url, additionalData);
	if (!callData) return;
	const context = new WebhookContext(
		workflow,
		node,
		callData,
		'webhook',
		instance.webhookData(workflow, callData),
		[],
		null,
	);
	let result;
	try {
		result = await nodeType.webhook!.call(context);
	} catch (error) {
		answerError(res, 500, (error as Error).message);
		return;
	}
	// n8n 2.x (live-webhooks.ts) saves static data in its answer callback. That runs before the
	// execution starts only when the node answered itself (noWebhookResponse); with n8n's own
	// "onReceived" answer it runs after the new execution has reset the changed flag: not saved.
	if (result.noWebhookResponse) instance.saveStaticData(workflow);
	if (!result.noWebhookResponse) {
		res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"message":"Workflow was started"}');
	}
	if (!result.workflowData) return;
	const runExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			nodeExecutionStack: [
				{ node, data: { main: result.workflowData as INodeExecutionData[][] }, source: null },
			],
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as unknown as IRunExecutionData;
	track(
		new WorkflowExecute(additionalData, 'webhook', runExecutionData)
			.processRunExecutionData(workflow)
			.then((run) => {
				instance.executions.push(runResult(run));
			}),
	);
}
