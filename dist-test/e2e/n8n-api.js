"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.N8nApi = exports.N8nApiError = void 0;
exports.nodeOutput = nodeOutput;
exports.parseJson = parseJson;
exports.n8nMajor = n8nMajor;
exports.showsCredentialRuleMessages = showsCredentialRuleMessages;
/** The items one node produced on its main output `output` in run `run`. */
function nodeOutput(execution, nodeName, output = 0, run = 0) {
    return execution.data?.resultData.runData[nodeName]?.[run]?.data?.main?.[output] ?? [];
}
function parseJson(text) {
    try {
        return { ok: true, value: JSON.parse(text) };
    }
    catch (error) {
        return { ok: false, error: error.message };
    }
}
class N8nApiError extends Error {
    status;
    body;
    constructor(message, status, body) {
        super(message);
        this.status = status;
        this.body = body;
        this.name = 'N8nApiError';
    }
}
exports.N8nApiError = N8nApiError;
const REQUEST_TIMEOUT_MS = 30_000;
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
/** The major version of an n8n release ("1.123.81" → 1); 2 when unknown. */
function n8nMajor(version) {
    const major = Number(version?.split('.')[0]);
    return Number.isInteger(major) && major > 0 ? major : 2;
}
/**
 * Whether n8n shows a credential test's own `responseCode` rule message. Before 2.40 (seen on
 * 1.123.81 and 2.20.12) n8n-workflow's ExecutionBaseError re-declares `cause` as a class field,
 * which wipes the HTTP error's cause; n8n's credentials tester then never reaches the rules
 * and answers with the generic "Authorization failed - please check your credentials".
 */
function showsCredentialRuleMessages(version) {
    const [major, minor] = (version ?? '2.41.1').split('.').map(Number);
    return major > 2 || (major === 2 && minor >= 40);
}
/** Older n8n (1.x, 2.20) asks for this general credential field through the public API. */
const ALLOWED_DOMAINS_FIELD = 'allowedHttpRequestDomains';
class N8nApi {
    baseUrl;
    log;
    n8nVersion;
    cookie;
    apiKey;
    constructor(baseUrl, log = () => undefined, 
    /** The instance's n8n version: 1.x needs other request bodies for manual runs and tests. */
    n8nVersion) {
        this.baseUrl = baseUrl;
        this.log = log;
        this.n8nVersion = n8nVersion;
    }
    get isV1() {
        return n8nMajor(this.n8nVersion) === 1;
    }
    /** The `n8n-auth` cookie after login (for a browser context or curl). */
    get authCookie() {
        return this.cookie;
    }
    get publicApiKey() {
        return this.apiKey;
    }
    async request(method, path, body, headers, timeoutMs = REQUEST_TIMEOUT_MS) {
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
        }).catch((error) => error);
        // fetch's errors may come from another realm than jest's sandbox (not `instanceof Error`).
        if (response instanceof Error || typeof response.text !== 'function') {
            const failure = response;
            const cause = failure.name === 'TimeoutError' ? `no reply within ${timeoutMs} ms` : String(failure.message);
            throw new N8nApiError(`n8n ${what}: ${cause}`, undefined, '');
        }
        const reply = response;
        const text = await reply.text();
        if (!reply.ok) {
            throw new N8nApiError(`n8n ${what}: HTTP ${reply.status} ${text.slice(0, 500)}`, reply.status, text);
        }
        return { status: reply.status, text, response: reply };
    }
    parse(what, text) {
        const parsed = parseJson(text);
        if (!parsed.ok)
            throw new N8nApiError(`n8n ${what}: reply is not JSON: ${text.slice(0, 200)}`, 200, text);
        return parsed.value;
    }
    /** Internal API with the login cookie; unwraps `{ data }`. */
    async rest(method, path, body, timeoutMs) {
        const headers = this.cookie ? { cookie: this.cookie } : {};
        const { text } = await this.request(method, `/rest${path}`, body, headers, timeoutMs);
        const parsed = this.parse(`${method} /rest${path}`, text);
        return parsed.data;
    }
    /** Public API (`/api/v1`) with the API key; returns the body as is. */
    async api(method, path, body) {
        if (!this.apiKey)
            throw new Error('n8n public API: no API key yet (call createApiKey first)');
        const { text } = await this.request(method, `/api/v1${path}`, body, { 'x-n8n-api-key': this.apiKey });
        return text ? this.parse(`${method} /api/v1${path}`, text) : undefined;
    }
    /** Creates the instance owner (only possible once per instance). */
    async setupOwner(owner) {
        await this.rest('POST', '/owner/setup', owner);
        this.log(`owner ${owner.email} created`);
    }
    /** Logs in and keeps the `n8n-auth` cookie for later /rest and /types calls. */
    async login(email, password) {
        const { response } = await this.request('POST', '/rest/login', { emailOrLdapLoginId: email, password }, {});
        const auth = response.headers.getSetCookie().find((cookie) => cookie.startsWith('n8n-auth='));
        if (!auth)
            throw new N8nApiError('n8n POST /rest/login: no n8n-auth cookie in the reply', response.status, '');
        this.cookie = auth.split(';')[0];
    }
    /** Creates a public API key with the given scopes (default: every scope the owner may grant). */
    async createApiKey(label = 'e2e', scopes) {
        const granted = scopes ?? (await this.rest('GET', '/api-keys/scopes'));
        const created = await this.rest('POST', '/api-keys', {
            label,
            scopes: granted,
            expiresAt: null,
        });
        this.apiKey = created.rawApiKey;
        return created.rawApiKey;
    }
    /** Uses an existing public API key. */
    useApiKey(apiKey) {
        this.apiKey = apiKey;
    }
    async createCredential(credential) {
        const created = await this.withAllowedDomains(credential, (body) => this.api('POST', '/credentials', body));
        return { id: String(created.id), name: created.name, type: created.type };
    }
    /** What editing the credential in the editor does (public API, `credential:update`; /rest on 1.x). */
    async updateCredential(id, credential) {
        await this.withAllowedDomains(credential, (body) => this.api('PATCH', `/credentials/${id}`, body)).catch(async (error) => {
            // n8n 1.x's public API cannot update credentials (405): save as the editor does.
            if (error.status !== 405)
                throw error;
            await this.rest('PATCH', `/credentials/${id}`, credential);
        });
    }
    /**
     * Sends a credential through the public API; n8n 1.123 and 2.20 validate its data against a
     * schema that requires the general "allowed HTTP request domains" field, so on their 400
     * it is sent again with `allowedHttpRequestDomains: "all"` (no restriction, the editor's
     * default). 2.41 does not ask for it there.
     */
    async withAllowedDomains(credential, send) {
        return send(credential).catch((error) => {
            if (error.status !== 400 || !/allowed(HttpRequest)?Domains/.test(error.body))
                throw error;
            return send({ ...credential, data: { [ALLOWED_DOMAINS_FIELD]: 'all', ...credential.data } });
        });
    }
    /** This n8n's instance id, as a signed-in user sees it (Help → About n8n); REST, cookie. */
    async instanceId() {
        return (await this.rest('GET', '/settings')).instanceId;
    }
    async createWorkflow(workflow) {
        const { name, nodes, connections, settings, staticData } = workflow;
        return this.api('POST', '/workflows', {
            name,
            nodes,
            connections,
            settings: settings ?? { executionOrder: 'v1' },
            ...(staticData ? { staticData } : {}),
        });
    }
    async getWorkflow(id) {
        return this.api('GET', `/workflows/${id}`);
    }
    /**
     * Activates (publishes) a workflow. Webhook registration finishes a little after the
     * reply; callers that POST to a production webhook should retry 404s (see waitForWebhook).
     */
    async activateWorkflow(id) {
        return this.api('POST', `/workflows/${id}/activate`);
    }
    async deactivateWorkflow(id) {
        return this.api('POST', `/workflows/${id}/deactivate`);
    }
    async listExecutions(query = {}) {
        const params = new URLSearchParams();
        if (query.workflowId)
            params.set('workflowId', query.workflowId);
        if (query.status)
            params.set('status', query.status);
        if (query.includeData ?? true)
            params.set('includeData', 'true');
        params.set('limit', String(query.limit ?? 100));
        const page = await this.api('GET', `/executions?${params.toString()}`);
        return page.data;
    }
    async getExecution(id, includeData = true) {
        // n8n 2.20 can answer 500 while the execution is being written: retry, bounded.
        for (let attempt = 1;; attempt++) {
            const result = await this.api('GET', `/executions/${id}?includeData=${includeData}`).catch((error) => error);
            if (!(result instanceof Error))
                return result;
            if (result.status !== 500 || attempt >= 20)
                throw result;
            await sleep(250);
        }
    }
    /**
     * Waits (bounded) for a finished execution of `workflowId` that `accept` accepts
     * (default: any status other than running/new/waiting). `after` skips executions that
     * existed before (ids as returned by an earlier listExecutions).
     */
    async waitForExecution(workflowId, options = {}) {
        const timeoutMs = options.timeoutMs ?? 60_000;
        const ignore = new Set(options.ignoreIds ?? []);
        const accept = options.accept ?? ((execution) => !['running', 'new', 'waiting'].includes(execution.status));
        const deadline = Date.now() + timeoutMs;
        let seen = [];
        for (;;) {
            const executions = (await this.listExecutions({ workflowId, includeData: true })).filter((e) => !ignore.has(String(e.id)));
            seen = executions.map((e) => `${e.id}:${e.status}`);
            const match = executions.find(accept);
            if (match)
                return match;
            if (Date.now() > deadline) {
                throw new Error(`no matching execution of workflow ${workflowId} within ${Math.round(timeoutMs / 1000)} s (seen: ${seen.join(', ') || 'none'})`);
            }
            await sleep(options.intervalMs ?? 500);
        }
    }
    /** Every node type the instance knows (needs the login cookie). */
    async getNodeTypes() {
        const headers = this.cookie ? { cookie: this.cookie } : {};
        const { text } = await this.request('GET', '/types/nodes.json', undefined, headers, 60_000);
        return this.parse('GET /types/nodes.json', text);
    }
    /** Every credential type the instance knows (GET /types/credentials.json, login cookie). */
    async getCredentialTypes() {
        const headers = this.cookie ? { cookie: this.cookie } : {};
        const { text } = await this.request('GET', '/types/credentials.json', undefined, headers, 60_000);
        return this.parse('GET /types/credentials.json', text);
    }
    /**
     * Runs a saved workflow as the editor's "Execute workflow" button does (n8n 2.41
     * `POST /rest/workflows/<id>/run`, body `ManualRunDto`: `{ triggerToStartFrom: { name } }`
     * or `{ destinationNode: { nodeName, mode } }`; the workflow itself is read from the DB).
     * Returns `{ executionId }`, or `{ waitingForWebhook: true }` for webhook triggers.
     */
    async runWorkflowManually(id, start) {
        // n8n 1.x runs the workflow sent in the body (`workflowData`), not the stored one.
        const body = this.isV1 ? { ...start, workflowData: await this.getWorkflow(id) } : start;
        return this.rest('POST', `/workflows/${id}/run`, body, 120_000);
    }
    /** Runs a saved workflow manually and waits (bounded) until its execution has finished. */
    async runManuallyAndWait(id, start, timeoutMs = 60_000) {
        const { executionId } = await this.runWorkflowManually(id, start);
        if (!executionId)
            throw new Error(`manual run of workflow ${id} started no execution (is it waiting for a webhook?)`);
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const execution = await this.getExecution(executionId).catch((error) => {
                // The execution row can appear a moment after the reply.
                if (error.status === 404)
                    return undefined;
                throw error;
            });
            if (execution && !['running', 'new'].includes(execution.status))
                return execution;
            if (Date.now() > deadline) {
                throw new Error(`execution ${executionId} of workflow ${id} not finished within ${Math.round(timeoutMs / 1000)} s (${execution?.status ?? 'not stored yet'})`);
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
    async testCredential(credential) {
        if (credential.id === '') {
            const direct = await this.postCredentialTest(credential).catch((error) => error);
            if (!(direct instanceof N8nApiError && direct.status === 403)) {
                if (direct instanceof Error)
                    throw direct;
                return direct;
            }
            // n8n 1.123 and 2.20 refuse to test unsaved data (403): test a temporary saved copy
            // (saved through /rest as the editor does, so no public API key is needed).
            const saved = await this.rest('POST', '/credentials', {
                name: `e2e credential test ${Date.now()}`,
                type: credential.type,
                data: credential.data,
            });
            try {
                return await this.postCredentialTest({ ...credential, id: String(saved.id), name: saved.name });
            }
            finally {
                await this.rest('DELETE', `/credentials/${saved.id}`);
            }
        }
        return this.postCredentialTest(credential);
    }
    async postCredentialTest(credential) {
        return this.rest('POST', '/credentials/test', {
            credentials: {
                id: credential.id,
                name: credential.name ?? '',
                type: credential.type,
                data: credential.data,
            },
        }, 60_000);
    }
    /** A stored credential as the editor loads it (`includeData`: secrets come back redacted). */
    async getCredential(id, includeData = true) {
        return this.rest('GET', `/credentials/${id}?includeData=${includeData}`);
    }
    /**
     * Waits (bounded) until a production webhook answers something other than 404
     * "not registered" — activation registers webhooks asynchronously.
     */
    async waitForWebhook(path, init = { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }, timeoutMs = 15_000) {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const response = await fetch(`${this.baseUrl}/webhook/${path}`, {
                ...init,
                signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
            });
            if (response.status !== 404)
                return response;
            const text = await response.text();
            if (Date.now() > deadline)
                throw new Error(`webhook /webhook/${path} still 404 after ${timeoutMs} ms: ${text.slice(0, 200)}`);
            await sleep(200);
        }
    }
}
exports.N8nApi = N8nApi;
//# sourceMappingURL=n8n-api.js.map