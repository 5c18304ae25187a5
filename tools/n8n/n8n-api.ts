/**
 * A small client for one n8n instance (2.41 by default; 1.123.x and 2.20+ where noted): the
 * internal REST API (`/rest`, cookie from /rest/login) and the public API (`/api/v1`,
 * X-N8N-API-KEY). Every call is bounded and errors name the call, the HTTP status and the
 * start of the reply.
 */
import type { Log } from './exec';

export interface OwnerAccount {
	email: string;
	firstName: string;
	lastName: string;
	/** ≥ 8 characters with a digit and an upper-case letter. */
	password: string;
}

export interface CredentialRef {
	id: string;
	name: string;
	type: string;
}

export interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	[key: string]: unknown;
}

export interface WorkflowDefinition {
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	staticData?: unknown;
}

export interface Workflow extends WorkflowDefinition {
	id: string;
	active: boolean;
}

export type ExecutionStatus =
	| 'canceled'
	| 'crashed'
	| 'error'
	| 'new'
	| 'running'
	| 'success'
	| 'unknown'
	| 'waiting';

export interface Execution {
	id: string;
	workflowId: string;
	mode: string;
	status: ExecutionStatus;
	finished: boolean;
	startedAt: string;
	stoppedAt: string | null;
	/** Present with includeData=true: `data.resultData.runData[<node name>][run].data.main[output][item]`. */
	data?: ExecutionData;
}

export interface ExecutionData {
	resultData: {
		runData: Record<
			string,
			Array<{
				data?: { main?: Array<Array<{ json: unknown; binary?: Record<string, unknown> }> | null> };
				error?: unknown;
				/** Execution hints the node added: what the editor shows above its output. */
				hints?: Array<{ message: string; type?: string; location?: string }>;
			}>
		>;
		error?: { message?: string; description?: string };
		lastNodeExecuted?: string;
	};
}

/**
 * Whether an execution read with its data shows its result. n8n 1.x on SQLite (pool size 0, its
 * default) stores an execution's status and its data in two writes, so a read in between sees
 * "success" with the empty runData the execution was created with.
 */
function resultStored(execution: Execution): boolean {
	const result = execution.data?.resultData;
	return result !== undefined && (Object.keys(result.runData ?? {}).length > 0 || result.error !== undefined);
}

export interface NodeTypeDescription {
	name: string;
	displayName: string;
	version: number | number[];
	credentials?: Array<{ name: string; required?: boolean }>;
	properties: Array<{
		name: string;
		type: string;
		options?: Array<{ name: string; value: unknown }>;
		displayOptions?: unknown;
	}>;
	[key: string]: unknown;
}

export type ManualRunStart =
	| { triggerToStartFrom: { name: string; data?: Record<string, unknown> } }
	| { destinationNode: { nodeName: string; mode: 'inclusive' | 'exclusive' } };

/** The items one node produced on its main output `output` in run `run`. */
export function nodeOutput(
	execution: Execution,
	nodeName: string,
	output = 0,
	run = 0,
): Array<{ json: unknown; binary?: Record<string, unknown> }> {
	return execution.data?.resultData.runData[nodeName]?.[run]?.data?.main?.[output] ?? [];
}

/** The execution hints a node added in run `run` (what the editor shows above its output). */
export function nodeHints(execution: Execution, nodeName: string, run = 0) {
	return execution.data?.resultData.runData[nodeName]?.[run]?.hints ?? [];
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (error) {
		return { ok: false, error: (error as Error).message };
	}
}

export class N8nApiError extends Error {
	constructor(
		message: string,
		readonly status: number | undefined,
		readonly body: string,
	) {
		super(message);
		this.name = 'N8nApiError';
	}
}

const REQUEST_TIMEOUT_MS = 30_000;

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The major version of an n8n release ("1.123.81" → 1); 2 when unknown. */
export function n8nMajor(version: string | undefined): number {
	const major = Number(version?.split('.')[0]);
	return Number.isInteger(major) && major > 0 ? major : 2;
}

/**
 * Whether n8n's MCP Server Trigger lists each tool's arguments as a JSON Schema object, as the
 * MCP specification requires. n8n 2.20.x (seen on 2.20.12) sends a serialised zod object instead
 * (no `type`, no `properties`): a model is told no arguments, and MCP clients that validate the
 * listing (the official SDK) refuse it. 1.123.81 and 2.41.1 send the schema.
 */
export function listsToolArgumentSchemas(version: string | undefined): boolean {
	const [major, minor] = (version ?? '').split('.').map(Number);
	return !(major === 2 && minor < 41);
}

/**
 * Whether n8n shows a credential test's own `responseCode` rule message. Before 2.40 (seen on
 * 1.123.81 and 2.20.12) n8n-workflow's ExecutionBaseError re-declares `cause` as a class field,
 * which wipes the HTTP error's cause; n8n's credentials tester then never reaches the rules
 * and answers with the generic "Authorization failed - please check your credentials".
 */
export function showsCredentialRuleMessages(version: string | undefined): boolean {
	const [major, minor] = (version ?? '2.41.1').split('.').map(Number);
	return major > 2 || (major === 2 && minor >= 40);
}

/** Older n8n (1.x, 2.20) asks for this general credential field through the public API. */
const ALLOWED_DOMAINS_FIELD = 'allowedHttpRequestDomains';

export class N8nApi {
	private cookie: string | undefined;
	private apiKey: string | undefined;

	constructor(
		readonly baseUrl: string,
		private readonly log: Log = () => undefined,
		/** The instance's n8n version: 1.x needs other request bodies for manual runs and tests. */
		readonly n8nVersion?: string,
	) {}

	private get isV1(): boolean {
		return n8nMajor(this.n8nVersion) === 1;
	}

	/** The `n8n-auth` cookie after login (for a browser context or curl). */
	get authCookie(): string | undefined {
		return this.cookie;
	}

	get publicApiKey(): string | undefined {
		return this.apiKey;
	}

	private async request(
		method: string,
		path: string,
		body: unknown,
		headers: Record<string, string>,
		timeoutMs = REQUEST_TIMEOUT_MS,
	): Promise<{ status: number; text: string; response: Response }> {
		const what = `${method} ${path}`;
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: {
				accept: 'application/json',
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...headers,
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(timeoutMs),
		}).catch((error: Error) => error);
		// fetch's errors may come from another realm than jest's sandbox (not `instanceof Error`).
		if (response instanceof Error || typeof (response as Partial<Response>).text !== 'function') {
			const failure = response as Error;
			const cause =
				failure.name === 'TimeoutError' ? `no reply within ${timeoutMs} ms` : String(failure.message);
			throw new N8nApiError(`n8n ${what}: ${cause}`, undefined, '');
		}
		const reply = response as Response;
		const text = await reply.text();
		if (!reply.ok) {
			throw new N8nApiError(`n8n ${what}: HTTP ${reply.status} ${text.slice(0, 500)}`, reply.status, text);
		}
		return { status: reply.status, text, response: reply };
	}

	private parse<T>(what: string, text: string): T {
		const parsed = parseJson(text);
		if (!parsed.ok) throw new N8nApiError(`n8n ${what}: reply is not JSON: ${text.slice(0, 200)}`, 200, text);
		return parsed.value as T;
	}

	/** Internal API with the login cookie; unwraps `{ data }`. */
	async rest<T>(method: string, path: string, body?: unknown, timeoutMs?: number): Promise<T> {
		const headers: Record<string, string> = this.cookie ? { cookie: this.cookie } : {};
		const { text } = await this.request(method, `/rest${path}`, body, headers, timeoutMs);
		const parsed = this.parse<{ data: T }>(`${method} /rest${path}`, text);
		return parsed.data;
	}

	/** Public API (`/api/v1`) with the API key; returns the body as is. */
	async api<T>(method: string, path: string, body?: unknown): Promise<T> {
		if (!this.apiKey) throw new Error('n8n public API: no API key yet (call createApiKey first)');
		const { text } = await this.request(method, `/api/v1${path}`, body, { 'x-n8n-api-key': this.apiKey });
		return text ? this.parse<T>(`${method} /api/v1${path}`, text) : (undefined as T);
	}

	/** Creates the instance owner (only possible once per instance). */
	async setupOwner(owner: OwnerAccount): Promise<void> {
		await this.rest('POST', '/owner/setup', owner);
		this.log(`owner ${owner.email} created`);
	}

	/** Logs in and keeps the `n8n-auth` cookie for later /rest and /types calls. */
	async login(email: string, password: string): Promise<void> {
		const { response } = await this.request(
			'POST',
			'/rest/login',
			{ emailOrLdapLoginId: email, password },
			{},
		);
		const auth = response.headers.getSetCookie().find((cookie) => cookie.startsWith('n8n-auth='));
		if (!auth)
			throw new N8nApiError('n8n POST /rest/login: no n8n-auth cookie in the reply', response.status, '');
		this.cookie = auth.split(';')[0];
	}

	/** Creates a public API key with the given scopes (default: every scope the owner may grant). */
	async createApiKey(label = 'e2e', scopes?: string[]): Promise<string> {
		const granted = scopes ?? (await this.rest<string[]>('GET', '/api-keys/scopes'));
		const created = await this.rest<{ rawApiKey: string }>('POST', '/api-keys', {
			label,
			scopes: granted,
			expiresAt: null,
		});
		this.apiKey = created.rawApiKey;
		return created.rawApiKey;
	}

	/** Uses an existing public API key. */
	useApiKey(apiKey: string): void {
		this.apiKey = apiKey;
	}

	async createCredential(credential: {
		name: string;
		type: string;
		data: Record<string, unknown>;
	}): Promise<CredentialRef> {
		const created = await this.withAllowedDomains(credential, (body) =>
			this.api<CredentialRef>('POST', '/credentials', body),
		);
		return { id: String(created.id), name: created.name, type: created.type };
	}

	/** What editing the credential in the editor does (public API, `credential:update`; /rest on 1.x). */
	async updateCredential(
		id: string,
		credential: { name: string; type: string; data: Record<string, unknown> },
	) {
		await this.withAllowedDomains(credential, (body) => this.api('PATCH', `/credentials/${id}`, body)).catch(
			async (error: N8nApiError) => {
				// n8n 1.x's public API cannot update credentials (405): save as the editor does.
				if (error.status !== 405) throw error;
				await this.rest('PATCH', `/credentials/${id}`, credential);
			},
		);
	}

	/**
	 * Sends a credential through the public API; n8n 1.123 and 2.20 validate its data against a
	 * schema that requires the general "allowed HTTP request domains" field, so on their 400
	 * it is sent again with `allowedHttpRequestDomains: "all"` (no restriction, the editor's
	 * default). 2.41 does not ask for it there.
	 */
	private async withAllowedDomains<T, C extends { data: Record<string, unknown> }>(
		credential: C,
		send: (body: C) => Promise<T>,
	): Promise<T> {
		return send(credential).catch((error: N8nApiError) => {
			if (error.status !== 400 || !/allowed(HttpRequest)?Domains/.test(error.body)) throw error;
			return send({ ...credential, data: { [ALLOWED_DOMAINS_FIELD]: 'all', ...credential.data } });
		});
	}

	/** This n8n's instance id, as a signed-in user sees it (Help → About n8n); REST, cookie. */
	async instanceId(): Promise<string> {
		return (await this.rest<{ instanceId: string }>('GET', '/settings')).instanceId;
	}

	async createWorkflow(workflow: WorkflowDefinition): Promise<Workflow> {
		const { name, nodes, connections, settings, staticData } = workflow;
		return this.api<Workflow>('POST', '/workflows', {
			name,
			nodes,
			connections,
			settings: settings ?? { executionOrder: 'v1' },
			...(staticData ? { staticData } : {}),
		});
	}

	async getWorkflow(id: string): Promise<Workflow> {
		return this.api<Workflow>('GET', `/workflows/${id}`);
	}

	/**
	 * Activates (publishes) a workflow. Webhook registration finishes a little after the
	 * reply; callers that POST to a production webhook should retry 404s (see waitForWebhook).
	 */
	async activateWorkflow(id: string): Promise<Workflow> {
		return this.api<Workflow>('POST', `/workflows/${id}/activate`);
	}

	async deactivateWorkflow(id: string): Promise<Workflow> {
		return this.api<Workflow>('POST', `/workflows/${id}/deactivate`);
	}

	async listExecutions(
		query: { workflowId?: string; status?: ExecutionStatus; includeData?: boolean; limit?: number } = {},
	): Promise<Execution[]> {
		const params = new URLSearchParams();
		if (query.workflowId) params.set('workflowId', query.workflowId);
		if (query.status) params.set('status', query.status);
		if (query.includeData ?? true) params.set('includeData', 'true');
		params.set('limit', String(query.limit ?? 100));
		const page = await this.api<{ data: Execution[] }>('GET', `/executions?${params.toString()}`);
		return page.data;
	}

	async getExecution(id: string, includeData = true): Promise<Execution> {
		// n8n 2.20 can answer 500 while the execution is being written: retry, bounded.
		for (let attempt = 1; ; attempt++) {
			const result = await this.api<Execution>('GET', `/executions/${id}?includeData=${includeData}`).catch(
				(error: N8nApiError) => error,
			);
			if (!(result instanceof Error)) return result;
			if (result.status !== 500 || attempt >= 20) throw result;
			await sleep(250);
		}
	}

	/**
	 * Waits (bounded) for a finished execution of `workflowId` that `accept` accepts
	 * (default: any status other than running/new/waiting). `ignoreIds` skips executions that
	 * existed before (ids as returned by an earlier listExecutions).
	 */
	async waitForExecution(
		workflowId: string,
		options: {
			timeoutMs?: number;
			intervalMs?: number;
			accept?: (execution: Execution) => boolean;
			ignoreIds?: Iterable<string>;
		} = {},
	): Promise<Execution> {
		const ignore = new Set(options.ignoreIds ?? []);
		const accept =
			options.accept ?? ((execution) => !['running', 'new', 'waiting'].includes(execution.status));
		return this.pollExecutions(workflowId, options, 'no matching execution', (executions) =>
			executions.find(
				(execution) => !ignore.has(String(execution.id)) && resultStored(execution) && accept(execution),
			),
		);
	}

	/**
	 * Waits (bounded) until at least `count` executions of `workflowId` have their result stored,
	 * and returns them all. n8n can answer a caller (a webhook, an MCP tool call) before the
	 * execution is written, so a count read at once can be short.
	 */
	async waitForExecutions(
		workflowId: string,
		count: number,
		options: { timeoutMs?: number; intervalMs?: number } = {},
	): Promise<Execution[]> {
		return this.pollExecutions(workflowId, options, `fewer than ${count} stored executions`, (executions) =>
			executions.filter(resultStored).length >= count ? executions : undefined,
		);
	}

	/** Lists `workflowId`'s executions until `pick` returns something, or throws at the deadline. */
	private async pollExecutions<T>(
		workflowId: string,
		options: { timeoutMs?: number; intervalMs?: number },
		failure: string,
		pick: (executions: Execution[]) => T | undefined,
	): Promise<T> {
		const timeoutMs = options.timeoutMs ?? 60_000;
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const executions = await this.listExecutions({ workflowId, includeData: true });
			const picked = pick(executions);
			if (picked !== undefined) return picked;
			if (Date.now() > deadline) {
				const seen = executions.map((e) => `${e.id}:${e.status}`).join(', ') || 'none';
				throw new Error(
					`${failure} of workflow ${workflowId} within ${Math.round(timeoutMs / 1000)} s (seen: ${seen})`,
				);
			}
			await sleep(options.intervalMs ?? 500);
		}
	}

	/** Every node type the instance knows (needs the login cookie). */
	async getNodeTypes(): Promise<NodeTypeDescription[]> {
		const headers: Record<string, string> = this.cookie ? { cookie: this.cookie } : {};
		const { text } = await this.request('GET', '/types/nodes.json', undefined, headers, 60_000);
		return this.parse<NodeTypeDescription[]>('GET /types/nodes.json', text);
	}

	/** Every credential type the instance knows (GET /types/credentials.json, login cookie). */
	async getCredentialTypes(): Promise<Array<{ name: string; displayName: string; [key: string]: unknown }>> {
		const headers: Record<string, string> = this.cookie ? { cookie: this.cookie } : {};
		const { text } = await this.request('GET', '/types/credentials.json', undefined, headers, 60_000);
		return this.parse('GET /types/credentials.json', text);
	}

	/**
	 * Runs a saved workflow as the editor's "Execute workflow" button does (n8n 2.41
	 * `POST /rest/workflows/<id>/run`, body `ManualRunDto`: `{ triggerToStartFrom: { name } }`
	 * or `{ destinationNode: { nodeName, mode } }`; the workflow itself is read from the DB).
	 * Returns `{ executionId }`, or `{ waitingForWebhook: true }` for webhook triggers.
	 */
	async runWorkflowManually(
		id: string,
		start: ManualRunStart,
	): Promise<{ executionId?: string; waitingForWebhook?: boolean }> {
		// n8n 1.x runs the workflow sent in the body (`workflowData`), not the stored one.
		const body = this.isV1 ? { ...start, workflowData: await this.getWorkflow(id) } : start;
		return this.rest('POST', `/workflows/${id}/run`, body, 120_000);
	}

	/** Runs a saved workflow manually and waits (bounded) until its execution has finished. */
	async runManuallyAndWait(id: string, start: ManualRunStart, timeoutMs = 60_000): Promise<Execution> {
		const { executionId } = await this.runWorkflowManually(id, start);
		if (!executionId)
			throw new Error(`manual run of workflow ${id} started no execution (is it waiting for a webhook?)`);
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const execution = await this.getExecution(executionId).catch((error: N8nApiError) => {
				// The execution row can appear a moment after the reply.
				if (error.status === 404) return undefined;
				throw error;
			});
			if (execution && !['running', 'new'].includes(execution.status) && resultStored(execution)) {
				return execution;
			}
			if (Date.now() > deadline) {
				throw new Error(
					`execution ${executionId} of workflow ${id} not finished within ${Math.round(timeoutMs / 1000)} s (${execution?.status ?? 'not stored yet'})`,
				);
			}
			await sleep(250);
		}
	}

	/**
	 * The editor's "Test credential" (credential modal; n8n 2.41 `POST /rest/credentials/test`,
	 * body `{ credentials: { id, name, type, data } }`). The editor saves first and tests by
	 * id, sending the form's data with secrets redacted (n8n restores them from the stored
	 * credential). `id: ''` tests unsaved data (allowed for the owner).
	 */
	async testCredential(credential: {
		id: string;
		type: string;
		data: Record<string, unknown>;
		name?: string;
	}): Promise<CredentialTestResult> {
		if (credential.id === '') {
			const direct = await this.postCredentialTest(credential).catch((error: Error) => error);
			if (!(direct instanceof N8nApiError && direct.status === 403)) {
				if (direct instanceof Error) throw direct;
				return direct;
			}
			// n8n 1.123 and 2.20 refuse to test unsaved data (403): test a temporary saved copy
			// (saved through /rest as the editor does, so no public API key is needed).
			const saved = await this.rest<CredentialRef>('POST', '/credentials', {
				name: `e2e credential test ${Date.now()}`,
				type: credential.type,
				data: credential.data,
			});
			try {
				return await this.postCredentialTest({ ...credential, id: String(saved.id), name: saved.name });
			} finally {
				await this.rest('DELETE', `/credentials/${saved.id}`);
			}
		}
		return this.postCredentialTest(credential);
	}

	private async postCredentialTest(credential: {
		id: string;
		type: string;
		data: Record<string, unknown>;
		name?: string;
	}): Promise<CredentialTestResult> {
		return this.rest<CredentialTestResult>(
			'POST',
			'/credentials/test',
			{
				credentials: {
					id: credential.id,
					name: credential.name ?? '',
					type: credential.type,
					data: credential.data,
				},
			},
			60_000,
		);
	}

	/** A stored credential as the editor loads it (`includeData`: secrets come back redacted). */
	async getCredential(
		id: string,
		includeData = true,
	): Promise<CredentialRef & { data?: Record<string, unknown> }> {
		return this.rest('GET', `/credentials/${id}?includeData=${includeData}`);
	}

	/**
	 * Waits (bounded) until a production webhook answers something other than 404
	 * "not registered" — activation registers webhooks asynchronously.
	 */
	async waitForWebhook(
		path: string,
		init: RequestInit = { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } },
		timeoutMs = 15_000,
	): Promise<Response> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const response = await fetch(`${this.baseUrl}/webhook/${path}`, {
				...init,
				signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
			});
			if (response.status !== 404) return response;
			const text = await response.text();
			if (Date.now() > deadline)
				throw new Error(`webhook /webhook/${path} still 404 after ${timeoutMs} ms: ${text.slice(0, 200)}`);
			await sleep(200);
		}
	}
}
