import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQueryString } from 'node:querystring';

import { HookContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import {
	NodeHelpers,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type IRun,
	type IRunExecutionData,
	type IWebhookData,
	type IWebhookDescription,
	type IWorkflowExecuteAdditionalData,
	type Workflow,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { binaryStore, buildWorkflow, runResult, type LinearWorkflow, type RunResult } from './run-workflow';

/** What the webhook's caller got back. */
export interface WebhookAnswer {
	status: number;
	body: string;
}

/** An execution that waits (putExecutionToWait), kept the way n8n's database keeps it: as JSON. */
interface StoredExecution {
	mode: WorkflowExecuteMode;
	data: string;
	finished: boolean;
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
export async function activateWorkflow(workflowSpec: LinearWorkflow): Promise<ActiveWorkflow> {
	await binaryStore();
	const spec = {
		...workflowSpec,
		workflowId: workflowSpec.workflowId ?? `wf-${Math.random().toString(36).slice(2)}`,
	};
	// n8n keeps static data in its database: every call gets its own copy, and only what n8n
	// saves reaches the next call (see the save after webhook() below).
	let storedStaticData = JSON.stringify(spec.staticData ?? {});
	const staticDataCopy = (): IDataObject => JSON.parse(storedStaticData) as IDataObject;
	const executions: RunResult[] = [];
	const answers: WebhookAnswer[] = [];
	const pending = new Set<Promise<void>>();
	const trigger = spec.trigger
		? { webhookId: `wh-${Math.random().toString(36).slice(2)}`, ...spec.trigger }
		: undefined;
	const stored = new Map<string, StoredExecution>();
	const waiting = new Map<string, RunResult>();

	/** Keeps what n8n would save of an execution that waits; resumes read it back. */
	function store(executionId: string, mode: WorkflowExecuteMode, run: IRun): RunResult {
		const result = runResult(run);
		if (run.waitTill || stored.has(executionId)) {
			stored.set(executionId, { mode, data: JSON.stringify(run.data), finished: !run.waitTill });
			waiting.set(executionId, result);
		}
		return result;
	}

	let baseUrl = '';
	const build = (executionId?: string) =>
		buildWorkflow({ ...spec, trigger, staticData: staticDataCopy(), webhookBaseUrl: baseUrl, executionId });
	const describe = (workflow: Workflow, nodeName = trigger?.name ?? '') => {
		const node = workflow.getNode(nodeName) as INode;
		const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		const description = nodeType.description.webhooks?.[0] as IWebhookDescription;
		// As n8n's webhook helper does: path and isFullPath may be expressions on the node.
		const resolve = (value: unknown) =>
			typeof value === 'string' && value.startsWith('=')
				? workflow.expression.getSimpleParameterValue(node, value, 'internal', {})
				: value;
		const path = NodeHelpers.getNodeWebhookPath(
			workflow.id,
			node,
			String(resolve(description.path)),
			resolve(description.isFullPath) === true,
		);
		return { node, nodeType, description, path };
	};
	const webhookData = (
		workflow: Workflow,
		additionalData: IWorkflowExecuteAdditionalData,
		nodeName?: string,
	): IWebhookData => {
		const { node, description, path } = describe(workflow, nodeName);
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
		if (url.pathname.startsWith('/webhook-waiting/')) return await resumeByWebhook(req, res, url);
		if (!trigger) {
			res.writeHead(404).end();
			return;
		}
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
		// n8n 2.x (live-webhooks.ts) saves static data in its answer callback. That runs before the
		// execution starts only when the node answered itself (noWebhookResponse); with n8n's own
		// "onReceived" answer it runs after the new execution has reset the changed flag: not saved.
		if (result.noWebhookResponse && (workflow.staticData as IDataObject).__dataChanged === true) {
			storedStaticData = JSON.stringify(workflow.staticData);
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

	/** The express request/response n8n hands a webhook, or undefined after answering 422 like n8n. */
	async function requestData(
		req: IncomingMessage,
		res: ServerResponse,
		url: URL,
		additionalData: IWorkflowExecuteAdditionalData,
	): Promise<IWorkflowExecuteAdditionalData | undefined> {
		const raw = await readRaw(req);
		const parsed = parseBody(raw, req.headers['content-type']);
		if (!parsed.ok) {
			res
				.writeHead(422, { 'Content-Type': 'application/json' })
				.end('{"code":422,"message":"Failed to parse request body"}');
			return undefined;
		}
		const query = Object.fromEntries(url.searchParams);
		const request = {
			body: parsed.body,
			rawBody: raw,
			headers: req.headers,
			query,
			params: {},
			method: req.method,
		};
		const response = expressLikeResponse(res);
		return {
			...additionalData,
			httpRequest: request,
			httpResponse: response,
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	/**
	 * n8n's waiting webhooks (packages/cli/src/webhooks/waiting-webhooks.ts): check the
	 * execution's signature token, find the waiting node's restart webhook, run its webhook()
	 * with the stored execution data; no workflowData keeps the execution waiting, otherwise
	 * the node is disabled, its output replaced, and the execution continues.
	 */
	async function resumeByWebhook(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
		const [executionId, suffix = ''] = url.pathname.slice('/webhook-waiting/'.length).split('/');
		const execution = stored.get(executionId);
		const answer = (status: number, message: string): void => {
			res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ message }));
		};
		if (!execution) return answer(404, `The execution "${executionId}" does not exist.`);
		const runExecutionData = JSON.parse(execution.data) as IRunExecutionData;
		const token = (runExecutionData as { resumeToken?: string }).resumeToken;
		if (token && url.searchParams.get('signature') !== token) return answer(401, 'Invalid token');
		if (execution.finished) return answer(409, `The execution "${executionId}" has finished already.`);
		const nodeName = runExecutionData.resultData.lastNodeExecuted as string;
		const { workflow, additionalData } = build(executionId);
		const { node, nodeType } = describe(workflow, nodeName);
		const description = nodeType.description.webhooks?.find(
			(webhook) =>
				webhook.httpMethod === req.method &&
				webhook.restartWebhook === true &&
				String(webhook.path) === suffix,
		);
		if (!description) return answer(404, 'no waiting webhook with a matching path/method');
		const callData = await requestData(req, res, url, additionalData);
		if (!callData) return;
		const stackEntry = runExecutionData.executionData!.nodeExecutionStack[0];
		stackEntry.node.disabled = true;
		const hookData = {
			...webhookData(workflow, callData, nodeName),
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
		const run = await new WorkflowExecute(
			additionalData,
			execution.mode,
			runExecutionData,
		).processRunExecutionData(workflow);
		store(executionId, execution.mode, run);
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
	const activationError = !trigger
		? undefined
		: await hook('checkExists')
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
		workflowId: spec.workflowId,
		setCredentials(credentials) {
			spec.credentials = credentials;
		},
		get staticData() {
			return staticDataCopy();
		},
		executions,
		answers,
		async waitForExecutions(count, timeoutMs = 5000) {
			const deadline = Date.now() + timeoutMs;
			while (executions.length < count) {
				if (Date.now() > deadline) throw new Error(`expected ${count} executions, got ${executions.length}`);
				await new Promise((resolve) => setTimeout(resolve, 10));
			}
		},
		waiting,
		async runManual(overrides = {}) {
			await binaryStore();
			const { workflow, additionalData, start, executionId } = buildWorkflow({
				...spec,
				...overrides,
				trigger,
				// Manual runs read the stored static data; n8n does not save theirs.
				staticData: staticDataCopy(),
				webhookBaseUrl: baseUrl,
			});
			const run = await new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode: start });
			return store(executionId, 'manual', run);
		},
		async waitForFinish(executionId, timeoutMs = 5000) {
			const deadline = Date.now() + timeoutMs;
			while (!stored.get(executionId)?.finished) {
				if (Date.now() > deadline) throw new Error(`execution ${executionId} is still waiting`);
				await new Promise((resolve) => setTimeout(resolve, 10));
			}
			return waiting.get(executionId) as RunResult;
		},
		async expire(executionId) {
			const execution = stored.get(executionId);
			if (!execution || execution.finished) throw new Error(`execution ${executionId} is not waiting`);
			const { workflow, additionalData } = build(executionId);
			const runExecutionData = JSON.parse(execution.data) as IRunExecutionData;
			const run = await new WorkflowExecute(
				additionalData,
				execution.mode,
				runExecutionData,
			).processRunExecutionData(workflow);
			return store(executionId, execution.mode, run);
		},
		async deactivate() {
			if (trigger) await hook('delete');
			await Promise.all(pending);
			await stopServer();
		},
	};
}
