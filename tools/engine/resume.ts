import type { IncomingMessage, ServerResponse } from 'node:http';

import { WebhookContext, WorkflowExecute } from 'n8n-core';
import type { INodeExecutionData, IRunExecutionData } from 'n8n-workflow';

import type { RunResult } from './run-workflow';
import { webhookCallData } from './webhook-request';
import type { WorkflowInstance } from './workflow-instance';

/** Runs the stored execution on from where it waited (in the workflow its resume call built), and stores the outcome. */
async function runOn(
	instance: WorkflowInstance,
	executionId: string,
	runExecutionData: IRunExecutionData,
	{ workflow, additionalData } = instance.build(executionId),
): Promise<RunResult> {
	const { mode } = instance.stored.get(executionId)!;
	const run = await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(
		workflow,
	);
	return instance.store(executionId, mode, run);
}

/**
 * n8n's waiting webhooks (packages/cli/src/webhooks/waiting-webhooks.ts): check the
 * execution's signature token, find the waiting node's restart webhook, run its webhook()
 * with the stored execution data; no workflowData keeps the execution waiting, otherwise
 * the node is disabled, its output replaced, and the execution continues.
 */
export async function resumeByWebhook(
	instance: WorkflowInstance,
	req: IncomingMessage,
	res: ServerResponse,
	url: URL,
): Promise<void> {
	const [executionId, suffix = ''] = url.pathname.slice('/webhook-waiting/'.length).split('/');
	const execution = instance.stored.get(executionId);
	const answer = (status: number, message: string): void => {
		res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ message }));
	};
	if (!execution) return answer(404, `The execution "${executionId}" does not exist.`);
	const runExecutionData = JSON.parse(execution.data) as IRunExecutionData;
	const token = (runExecutionData as { resumeToken?: string }).resumeToken;
	if (token && url.searchParams.get('signature') !== token) return answer(401, 'Invalid token');
	if (execution.finished) return answer(409, `The execution "${executionId}" has finished already.`);
	const nodeName = runExecutionData.resultData.lastNodeExecuted as string;
	const built = instance.build(executionId);
	const { workflow, additionalData } = built;
	const { node, nodeType } = instance.describe(workflow, nodeName);
	const description = nodeType.description.webhooks?.find(
		(webhook) =>
			webhook.httpMethod === req.method && webhook.restartWebhook === true && String(webhook.path) === suffix,
	);
	if (!description) return answer(404, 'no waiting webhook with a matching path/method');
	const callData = await webhookCallData(req, res, url, additionalData);
	if (!callData) return;
	const stackEntry = runExecutionData.executionData!.nodeExecutionStack[0];
	stackEntry.node.disabled = true;
	const hookData = {
		...instance.webhookData(workflow, callData, nodeName),
		webhookDescription: description,
		path: suffix,
	};
	const context = new WebhookContext(
		workflow,
		node,
		callData,
		execution.mode,
		hookData,
		[],
		runExecutionData,
	);
	const result = await nodeType.webhook!.call(context);
	if (!result.noWebhookResponse) res.writeHead(200).end();
	if (!result.workflowData) return;
	runExecutionData.waitTill = undefined;
	// n8n drops the waiting node's pre-wait run (workflow-helpers preserveInputOverride).
	runExecutionData.resultData.runData[nodeName]?.pop();
	stackEntry.data.main = result.workflowData as INodeExecutionData[][];
	stackEntry.metadata = { ...stackEntry.metadata, forwardAllOutputs: true };
	await runOn(instance, executionId, runExecutionData, built);
}

/** What n8n's wait tracker does when waitTill has passed: resume without a webhook call. */
export async function expire(instance: WorkflowInstance, executionId: string): Promise<RunResult> {
	const execution = instance.stored.get(executionId);
	if (!execution || execution.finished) throw new Error(`execution ${executionId} is not waiting`);
	return await runOn(instance, executionId, JSON.parse(execution.data) as IRunExecutionData);
}
