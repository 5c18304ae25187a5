import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { WorkflowExecute } from 'n8n-core';
import type { IDataObject } from 'n8n-workflow';

import { activate, deactivate } from './activation';
import { expire, resumeByWebhook } from './resume';
import { binaryStore, type LinearWorkflow, type RunResult } from './run-workflow';
import { callWebhook } from './webhook-call';
import { WorkflowInstance } from './workflow-instance';

/** What the webhook's caller got back. */
export interface WebhookAnswer {
	status: number;
	body: string;
}

export interface ActiveWorkflow {
	/** http://127.0.0.1:PORT — what n8n's WEBHOOK_URL would be. */
	baseUrl: string;
	/** Unique per activation unless the spec names one, as n8n's workflow ids are. */
	workflowId: string;
	/** What editing the credential in n8n does: later calls and executions read the new data. */
	setCredentials(credentials: LinearWorkflow['credentials']): void;
	/** The workflow's static data as n8n's database holds it (a copy). */
	readonly staticData: IDataObject;
	/** Every execution a webhook call started, in order. */
	executions: RunResult[];
	answers: WebhookAnswer[];
	waitForExecutions(count: number, timeoutMs?: number): Promise<void>;
	/** A manual run from Start, in the same workflow (same static data), like "Execute workflow". */
	runManual(overrides?: Partial<LinearWorkflow>): Promise<RunResult>;
	/** The latest result of each execution that waited, by execution id (updated on resume). */
	waiting: Map<string, RunResult>;
	/** Resolves when the execution is no longer waiting (resumed and finished). */
	waitForFinish(executionId: string, timeoutMs?: number): Promise<RunResult>;
	/** What n8n's wait tracker does when waitTill has passed: resume without a webhook call. */
	expire(executionId: string): Promise<RunResult>;
	deactivate(): Promise<void>;
}

/** Polls `done` every 10 ms until it holds or `timeoutMs` passes. */
async function until(done: () => boolean, timeoutMs: number, failure: () => string): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!done()) {
		if (Date.now() > deadline) throw new Error(failure());
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

/**
 * Activates a workflow the way n8n's ActiveWorkflowManager does for a webhook trigger
 * (activation.ts), serves its production webhook (webhook-call.ts) and its waiting executions'
 * resume URLs (resume.ts) on loopback. What n8n keeps between calls is in WorkflowInstance.
 */
export async function activateWorkflow(workflowSpec: LinearWorkflow): Promise<ActiveWorkflow> {
	await binaryStore();
	const instance = new WorkflowInstance(workflowSpec);
	const answers: WebhookAnswer[] = [];
	const pending = new Set<Promise<void>>();
	const track = (execution: Promise<void>) => {
		pending.add(execution);
		void execution.finally(() => pending.delete(execution));
	};

	const server = createServer((req, res) => {
		res.on('finish', () => answers.push({ status: res.statusCode, body: '' }));
		const url = new URL(req.url ?? '/', instance.baseUrl);
		const handled = url.pathname.startsWith('/webhook-waiting/')
			? resumeByWebhook(instance, req, res, url)
			: instance.trigger
				? callWebhook(instance, req, res, url, track)
				: Promise.resolve(void res.writeHead(404).end());
		handled.catch((error: Error) => {
			if (!res.headersSent) res.writeHead(500).end(error.message);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	instance.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const stopServer = async () => {
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	};
	const activationError = instance.trigger
		? await activate(instance).then(
				() => undefined,
				(error: Error) => error,
			)
		: undefined;
	if (activationError) {
		await stopServer();
		return await Promise.reject(activationError);
	}

	return {
		baseUrl: instance.baseUrl,
		workflowId: instance.spec.workflowId,
		setCredentials(credentials) {
			instance.spec.credentials = credentials;
		},
		get staticData() {
			return instance.staticData();
		},
		executions: instance.executions,
		answers,
		async waitForExecutions(count, timeoutMs = 5000) {
			await until(
				() => instance.executions.length >= count,
				timeoutMs,
				() => `expected ${count} executions, got ${instance.executions.length}`,
			);
		},
		waiting: instance.waiting,
		async runManual(overrides = {}) {
			await binaryStore();
			// Manual runs read the stored static data; n8n does not save theirs.
			const { workflow, additionalData, start, executionId } = instance.build(undefined, overrides);
			const run = await new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode: start });
			return instance.store(executionId, 'manual', run);
		},
		async waitForFinish(executionId, timeoutMs = 5000) {
			await until(
				() => instance.stored.get(executionId)?.finished === true,
				timeoutMs,
				() => `execution ${executionId} is still waiting`,
			);
			return instance.waiting.get(executionId) as RunResult;
		},
		expire: (executionId) => expire(instance, executionId),
		async deactivate() {
			if (instance.trigger) await deactivate(instance);
			await Promise.all(pending);
			await stopServer();
		},
	};
}
