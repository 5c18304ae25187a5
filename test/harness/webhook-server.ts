import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQueryString } from 'node:querystring';

import { HookContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import {
	NodeHelpers,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type IRunExecutionData,
	type IWebhookData,
	type IWebhookDescription,
	type IWorkflowExecuteAdditionalData,
	type Workflow,
} from 'n8n-workflow';

import {
	binaryStore,
	buildWorkflow,
	runResult,
	runWorkflow,
	type LinearWorkflow,
	type RunResult,
} from './run-workflow';

/** What the webhook's caller got back. */
export interface WebhookAnswer {
	status: number;
	body: string;
}

export interface ActiveWorkflow {
	/** http://127.0.0.1:PORT — what n8n's WEBHOOK_URL would be. */
	baseUrl: string;
	staticData: IDataObject;
	/** Every execution a webhook call started, in order. */
	executions: RunResult[];
	answers: WebhookAnswer[];
	waitForExecutions(count: number, timeoutMs?: number): Promise<void>;
	/** A manual run from Start, in the same workflow (same static data), like "Execute workflow". */
	runManual(overrides?: Partial<LinearWorkflow>): Promise<RunResult>;
	deactivate(): Promise<void>;
}

/** n8n's body parser for webhooks (packages/cli middlewares/body-parser): JSON, form, text; 422 if unparseable. */
function parseBody(
	raw: Buffer,
	contentTypeHeader: string | undefined,
): { ok: true; body: unknown } | { ok: false } {
	const contentType = (contentTypeHeader ?? '').split(';')[0].trim().toLowerCase();
	if (raw.length === 0) return { ok: true, body: {} };
	try {
		if (contentType === 'application/json') return { ok: true, body: JSON.parse(raw.toString('utf8')) };
		if (contentType === 'application/x-www-form-urlencoded')
			return { ok: true, body: parseQueryString(raw.toString('utf8')) };
		if (contentType === 'text/plain') return { ok: true, body: raw.toString('utf8') };
	} catch {
		return { ok: false };
	}
	return { ok: true, body: {} };
}

/** The parts of an express Response that nodes use. */
function expressLikeResponse(res: ServerResponse) {
	const wrapper = {
		status(code: number) {
			res.statusCode = code;
			return wrapper;
		},
		json(value: unknown) {
			res.setHeader('Content-Type', 'application/json');
			res.end(JSON.stringify(value));
			return wrapper;
		},
		send(value: string | Buffer) {
			res.end(value);
			return wrapper;
		},
		end(value?: string) {
			res.end(value);
			return wrapper;
		},
		setHeader(name: string, value: string) {
			res.setHeader(name, value);
			return wrapper;
		},
		get headersSent() {
			return res.headersSent;
		},
	};
	return wrapper;
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/**
 * Activates a workflow the way n8n's ActiveWorkflowManager does for a webhook trigger
 * (checkExists → create through a real HookContext), serves its production webhook on
 * loopback, and runs each call the way n8n's webhook helpers do: the node's webhook() in a
 * real WebhookContext, n8n's "onReceived" answer, then the execution in n8n's engine.
 */
export async function activateWorkflow(
	spec: LinearWorkflow & { trigger: NonNullable<LinearWorkflow['trigger']> },
): Promise<ActiveWorkflow> {
	await binaryStore();
	const staticData: IDataObject = spec.staticData ?? {};
	const executions: RunResult[] = [];
	const answers: WebhookAnswer[] = [];
	const pending = new Set<Promise<void>>();
	const trigger = { webhookId: `wh-${Math.random().toString(36).slice(2)}`, ...spec.trigger };

	let baseUrl = '';
	const build = () => buildWorkflow({ ...spec, trigger, staticData, webhookBaseUrl: baseUrl });
	const describe = (workflow: Workflow) => {
		const node = workflow.getNode(trigger.name) as INode;
		const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		const description = nodeType.description.webhooks?.[0] as IWebhookDescription;
		const path = NodeHelpers.getNodeWebhookPath(workflow.id, node, String(description.path), false);
		return { node, nodeType, description, path };
	};
	const webhookData = (workflow: Workflow, additionalData: IWorkflowExecuteAdditionalData): IWebhookData => {
		const { node, description, path } = describe(workflow);
		return {
			httpMethod: description.httpMethod as IWebhookData['httpMethod'],
			node: node.name,
			path,
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
		};
	};

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', baseUrl);
		const { workflow, additionalData } = build();
		const { node, nodeType, description, path } = describe(workflow);
		if (req.method !== description.httpMethod || url.pathname !== `/webhook/${path}`) {
			res
				.writeHead(404, { 'Content-Type': 'application/json' })
				.end('{"code":404,"message":"not registered"}');
			return;
		}
		const raw = await readRaw(req);
		const parsed = parseBody(raw, req.headers['content-type']);
		if (!parsed.ok) {
			res
				.writeHead(422, { 'Content-Type': 'application/json' })
				.end('{"code":422,"message":"Failed to parse request body"}');
			return;
		}
		const request = {
			body: parsed.body,
			rawBody: raw,
			headers: req.headers,
			query: Object.fromEntries(url.searchParams),
			params: {},
			method: req.method,
		};
		const response = expressLikeResponse(res);
		const callData = {
			...additionalData,
			httpRequest: request,
			httpResponse: response,
		} as unknown as IWorkflowExecuteAdditionalData;
		const context = new WebhookContext(
			workflow,
			node,
			callData,
			'webhook',
			webhookData(workflow, callData),
			[],
			null,
		);
		let result;
		try {
			result = await nodeType.webhook!.call(context);
		} catch (error) {
			res
				.writeHead(500, { 'Content-Type': 'application/json' })
				.end(JSON.stringify({ code: 500, message: (error as Error).message }));
			return;
		}
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
		const execution = new WorkflowExecute(additionalData, 'webhook', runExecutionData)
			.processRunExecutionData(workflow)
			.then((run) => {
				executions.push(runResult(run));
			});
		pending.add(execution);
		void execution.finally(() => pending.delete(execution));
	}

	const server = createServer((req, res) => {
		const recordAnswer = () => answers.push({ status: res.statusCode, body: '' });
		res.on('finish', recordAnswer);
		handle(req, res).catch((error: Error) => {
			if (!res.headersSent) res.writeHead(500).end(error.message);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	async function hook(method: 'checkExists' | 'create' | 'delete'): Promise<boolean> {
		const { workflow, additionalData } = build();
		const { node, nodeType, description } = describe(workflow);
		const context = new HookContext(
			workflow,
			node,
			additionalData,
			'webhook',
			'activate',
			webhookData(workflow, additionalData),
		);
		const methods = nodeType.webhookMethods?.[description.name];
		if (!methods?.[method])
			throw new Error(`the trigger has no webhookMethods.${description.name}.${method}`);
		return await methods[method].call(context);
	}
	const stopServer = async () => {
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	};
	// n8n's activation: create only when checkExists says the webhook is not there yet.
	const activationError = await hook('checkExists')
		.then(async (exists) => (exists ? undefined : await hook('create')))
		.then(
			() => undefined,
			(error: Error) => error,
		);
	if (activationError) {
		await stopServer();
		return await Promise.reject(activationError);
	}

	return {
		baseUrl,
		staticData,
		executions,
		answers,
		async waitForExecutions(count, timeoutMs = 5000) {
			const deadline = Date.now() + timeoutMs;
			while (executions.length < count) {
				if (Date.now() > deadline) throw new Error(`expected ${count} executions, got ${executions.length}`);
				await new Promise((resolve) => setTimeout(resolve, 10));
			}
		},
		async runManual(overrides = {}) {
			return await runWorkflow({ ...spec, ...overrides, trigger, staticData, webhookBaseUrl: baseUrl });
		},
		async deactivate() {
			await hook('delete');
			await Promise.all(pending);
			await stopServer();
		},
	};
}
