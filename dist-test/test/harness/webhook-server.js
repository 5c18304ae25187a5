"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.activateWorkflow = activateWorkflow;
const node_http_1 = require("node:http");
const node_querystring_1 = require("node:querystring");
const n8n_core_1 = require("n8n-core");
const n8n_workflow_1 = require("n8n-workflow");
const run_workflow_1 = require("./run-workflow");
/** n8n's body parser for webhooks (packages/cli middlewares/body-parser): JSON, form, text; 422 if unparseable. */
function parseBody(raw, contentTypeHeader) {
    const contentType = (contentTypeHeader ?? '').split(';')[0].trim().toLowerCase();
    if (raw.length === 0)
        return { ok: true, body: {} };
    try {
        if (contentType === 'application/json')
            return { ok: true, body: JSON.parse(raw.toString('utf8')) };
        if (contentType === 'application/x-www-form-urlencoded')
            return { ok: true, body: (0, node_querystring_1.parse)(raw.toString('utf8')) };
        if (contentType === 'text/plain')
            return { ok: true, body: raw.toString('utf8') };
    }
    catch {
        return { ok: false };
    }
    return { ok: true, body: {} };
}
/** The parts of an express Response that nodes use. */
function expressLikeResponse(res) {
    const wrapper = {
        status(code) {
            res.statusCode = code;
            return wrapper;
        },
        json(value) {
            res.setHeader('Content-Type', 'application/json');
            res.end(JSON.stringify(value));
            return wrapper;
        },
        send(value) {
            res.end(value);
            return wrapper;
        },
        end(value) {
            res.end(value);
            return wrapper;
        },
        setHeader(name, value) {
            res.setHeader(name, value);
            return wrapper;
        },
        get headersSent() {
            return res.headersSent;
        },
    };
    return wrapper;
}
async function readRaw(req) {
    const chunks = [];
    for await (const chunk of req)
        chunks.push(chunk);
    return Buffer.concat(chunks);
}
/**
 * Activates a workflow the way n8n's ActiveWorkflowManager does for a webhook trigger
 * (checkExists → create through a real HookContext), serves its production webhook on
 * loopback, and runs each call the way n8n's webhook helpers do: the node's webhook() in a
 * real WebhookContext, n8n's "onReceived" answer, then the execution in n8n's engine.
 */
async function activateWorkflow(workflowSpec) {
    await (0, run_workflow_1.binaryStore)();
    const spec = {
        ...workflowSpec,
        workflowId: workflowSpec.workflowId ?? `wf-${Math.random().toString(36).slice(2)}`,
    };
    // n8n keeps static data in its database: every call gets its own copy, and only what n8n
    // saves reaches the next call (see the save after webhook() below).
    let storedStaticData = JSON.stringify(spec.staticData ?? {});
    const staticDataCopy = () => JSON.parse(storedStaticData);
    const executions = [];
    const answers = [];
    const pending = new Set();
    const trigger = spec.trigger
        ? { webhookId: `wh-${Math.random().toString(36).slice(2)}`, ...spec.trigger }
        : undefined;
    const stored = new Map();
    const waiting = new Map();
    /** Keeps what n8n would save of an execution that waits; resumes read it back. */
    function store(executionId, mode, run) {
        const result = (0, run_workflow_1.runResult)(run);
        if (run.waitTill || stored.has(executionId)) {
            stored.set(executionId, { mode, data: JSON.stringify(run.data), finished: !run.waitTill });
            waiting.set(executionId, result);
        }
        return result;
    }
    let baseUrl = '';
    const build = (executionId) => (0, run_workflow_1.buildWorkflow)({ ...spec, trigger, staticData: staticDataCopy(), webhookBaseUrl: baseUrl, executionId });
    const describe = (workflow, nodeName = trigger?.name ?? '') => {
        const node = workflow.getNode(nodeName);
        const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
        const description = nodeType.description.webhooks?.[0];
        // As n8n's webhook helper does: path and isFullPath may be expressions on the node.
        const resolve = (value) => typeof value === 'string' && value.startsWith('=')
            ? workflow.expression.getSimpleParameterValue(node, value, 'internal', {})
            : value;
        const path = n8n_workflow_1.NodeHelpers.getNodeWebhookPath(workflow.id, node, String(resolve(description.path)), resolve(description.isFullPath) === true);
        return { node, nodeType, description, path };
    };
    const webhookData = (workflow, additionalData, nodeName) => {
        const { node, description, path } = describe(workflow, nodeName);
        return {
            httpMethod: description.httpMethod,
            node: node.name,
            path,
            webhookDescription: description,
            workflowId: workflow.id,
            workflowExecuteAdditionalData: additionalData,
        };
    };
    async function handle(req, res) {
        const url = new URL(req.url ?? '/', baseUrl);
        if (url.pathname.startsWith('/webhook-waiting/'))
            return await resumeByWebhook(req, res, url);
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
        };
        const context = new n8n_core_1.WebhookContext(workflow, node, callData, 'webhook', webhookData(workflow, callData), [], null);
        let result;
        try {
            result = await nodeType.webhook.call(context);
        }
        catch (error) {
            res
                .writeHead(500, { 'Content-Type': 'application/json' })
                .end(JSON.stringify({ code: 500, message: error.message }));
            return;
        }
        // n8n 2.x (live-webhooks.ts) saves static data in its answer callback. That runs before the
        // execution starts only when the node answered itself (noWebhookResponse); with n8n's own
        // "onReceived" answer it runs after the new execution has reset the changed flag: not saved.
        if (result.noWebhookResponse && workflow.staticData.__dataChanged === true) {
            storedStaticData = JSON.stringify(workflow.staticData);
        }
        if (!result.noWebhookResponse) {
            res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"message":"Workflow was started"}');
        }
        if (!result.workflowData)
            return;
        const runExecutionData = {
            startData: {},
            resultData: { runData: {} },
            executionData: {
                contextData: {},
                nodeExecutionStack: [
                    { node, data: { main: result.workflowData }, source: null },
                ],
                waitingExecution: {},
                waitingExecutionSource: {},
            },
        };
        const execution = new n8n_core_1.WorkflowExecute(additionalData, 'webhook', runExecutionData)
            .processRunExecutionData(workflow)
            .then((run) => {
            executions.push((0, run_workflow_1.runResult)(run));
        });
        pending.add(execution);
        void execution.finally(() => pending.delete(execution));
    }
    /** The express request/response n8n hands a webhook, or undefined after answering 422 like n8n. */
    async function requestData(req, res, url, additionalData) {
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
        };
    }
    /**
     * n8n's waiting webhooks (packages/cli/src/webhooks/waiting-webhooks.ts): check the
     * execution's signature token, find the waiting node's restart webhook, run its webhook()
     * with the stored execution data; no workflowData keeps the execution waiting, otherwise
     * the node is disabled, its output replaced, and the execution continues.
     */
    async function resumeByWebhook(req, res, url) {
        const [executionId, suffix = ''] = url.pathname.slice('/webhook-waiting/'.length).split('/');
        const execution = stored.get(executionId);
        const answer = (status, message) => {
            res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ message }));
        };
        if (!execution)
            return answer(404, `The execution "${executionId}" does not exist.`);
        const runExecutionData = JSON.parse(execution.data);
        const token = runExecutionData.resumeToken;
        if (token && url.searchParams.get('signature') !== token)
            return answer(401, 'Invalid token');
        if (execution.finished)
            return answer(409, `The execution "${executionId}" has finished already.`);
        const nodeName = runExecutionData.resultData.lastNodeExecuted;
        const { workflow, additionalData } = build(executionId);
        const { node, nodeType } = describe(workflow, nodeName);
        const description = nodeType.description.webhooks?.find((webhook) => webhook.httpMethod === req.method &&
            webhook.restartWebhook === true &&
            String(webhook.path) === suffix);
        if (!description)
            return answer(404, 'no waiting webhook with a matching path/method');
        const callData = await requestData(req, res, url, additionalData);
        if (!callData)
            return;
        const stackEntry = runExecutionData.executionData.nodeExecutionStack[0];
        stackEntry.node.disabled = true;
        const hookData = {
            ...webhookData(workflow, callData, nodeName),
            webhookDescription: description,
            path: suffix,
        };
        const context = new n8n_core_1.WebhookContext(workflow, node, callData, execution.mode, hookData, [], runExecutionData);
        const result = await nodeType.webhook.call(context);
        if (!result.noWebhookResponse)
            res.writeHead(200).end();
        if (!result.workflowData)
            return;
        runExecutionData.waitTill = undefined;
        // n8n drops the waiting node's pre-wait run (workflow-helpers preserveInputOverride).
        runExecutionData.resultData.runData[nodeName]?.pop();
        stackEntry.data.main = result.workflowData;
        stackEntry.metadata = { ...stackEntry.metadata, forwardAllOutputs: true };
        const run = await new n8n_core_1.WorkflowExecute(additionalData, execution.mode, runExecutionData).processRunExecutionData(workflow);
        store(executionId, execution.mode, run);
    }
    const server = (0, node_http_1.createServer)((req, res) => {
        const recordAnswer = () => answers.push({ status: res.statusCode, body: '' });
        res.on('finish', recordAnswer);
        handle(req, res).catch((error) => {
            if (!res.headersSent)
                res.writeHead(500).end(error.message);
        });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${server.address().port}`;
    async function hook(method) {
        const { workflow, additionalData } = build();
        const { node, nodeType, description } = describe(workflow);
        const context = new n8n_core_1.HookContext(workflow, node, additionalData, 'webhook', 'activate', webhookData(workflow, additionalData));
        const methods = nodeType.webhookMethods?.[description.name];
        if (!methods?.[method])
            throw new Error(`the trigger has no webhookMethods.${description.name}.${method}`);
        return await methods[method].call(context);
    }
    const stopServer = async () => {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(() => resolve()));
    };
    // n8n's activation: create only when checkExists says the webhook is not there yet.
    const activationError = !trigger
        ? undefined
        : await hook('checkExists')
            .then(async (exists) => (exists ? undefined : await hook('create')))
            .then(() => undefined, (error) => error);
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
                if (Date.now() > deadline)
                    throw new Error(`expected ${count} executions, got ${executions.length}`);
                await new Promise((resolve) => setTimeout(resolve, 10));
            }
        },
        waiting,
        async runManual(overrides = {}) {
            await (0, run_workflow_1.binaryStore)();
            const { workflow, additionalData, start, executionId } = (0, run_workflow_1.buildWorkflow)({
                ...spec,
                ...overrides,
                trigger,
                // Manual runs read the stored static data; n8n does not save theirs.
                staticData: staticDataCopy(),
                webhookBaseUrl: baseUrl,
            });
            const run = await new n8n_core_1.WorkflowExecute(additionalData, 'manual').run({ workflow, startNode: start });
            return store(executionId, 'manual', run);
        },
        async waitForFinish(executionId, timeoutMs = 5000) {
            const deadline = Date.now() + timeoutMs;
            while (!stored.get(executionId)?.finished) {
                if (Date.now() > deadline)
                    throw new Error(`execution ${executionId} is still waiting`);
                await new Promise((resolve) => setTimeout(resolve, 10));
            }
            return waiting.get(executionId);
        },
        async expire(executionId) {
            const execution = stored.get(executionId);
            if (!execution || execution.finished)
                throw new Error(`execution ${executionId} is not waiting`);
            const { workflow, additionalData } = build(executionId);
            const runExecutionData = JSON.parse(execution.data);
            const run = await new n8n_core_1.WorkflowExecute(additionalData, execution.mode, runExecutionData).processRunExecutionData(workflow);
            return store(executionId, execution.mode, run);
        },
        async deactivate() {
            if (trigger)
                await hook('delete');
            await Promise.all(pending);
            await stopServer();
        },
    };
}
//# sourceMappingURL=webhook-server.js.map