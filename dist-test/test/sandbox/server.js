"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.startSandbox = startSandbox;
// The HTTP server: records each request, reads its body, applies injected faults, authenticates
// and routes. Also builds the Sandbox object that tests drive in-process.
const node_http_1 = __importDefault(require("node:http"));
const auth_1 = require("./auth");
const body_1 = require("./body");
const control_1 = require("./control");
const errors_1 = require("./errors");
const faults_1 = require("./faults");
const http_1 = require("./http");
const pdf_1 = require("./pdf");
const practices_1 = require("./practices");
const routes_1 = require("./routes");
const store_1 = require("./store");
const submission_1 = require("./submission");
const webhooks_1 = require("./webhooks");
function recordHeaders(req) {
    const headers = {};
    for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined)
            headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    return headers;
}
async function handleRequest(state, req, res) {
    // An origin-form target is a path: '//x' is the path '//x', not a scheme-relative URL of host x.
    const target = req.url ?? '/';
    const url = new URL(target.startsWith('/') ? `http://sandbox.invalid${target}` : target, 'http://sandbox.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    if (url.pathname.startsWith(control_1.CONTROL_PREFIX)) {
        await (0, control_1.handleControl)(state, req, res, url.pathname);
        return;
    }
    const contentType = req.headers['content-type'];
    const record = {
        method,
        path: url.pathname,
        query: (0, http_1.firstValues)(url.searchParams),
        headers: recordHeaders(req),
        contentType,
        status: 0,
        at: Date.now(),
    };
    state.requests.push(record);
    const ctx = {
        req,
        res,
        method,
        path: url.pathname,
        query: url.searchParams,
        record,
        contentType,
        bodySize: 0,
    };
    try {
        await answer(state, ctx, url);
    }
    catch (error) {
        // Never crash: an unexpected exception is a documented 500.
        if (!res.headersSent && !res.destroyed)
            (0, http_1.sendError)(ctx, 500, `Sandbox internal error: ${error.message}`);
        else
            res.destroy();
    }
}
async function answer(state, ctx, url) {
    const { req, record, method } = ctx;
    try {
        await (0, body_1.readBody)(ctx);
    }
    catch {
        // The client went away mid-body; there is nobody to answer.
        req.socket.destroy();
        return;
    }
    if (ctx.body && !ctx.parts)
        record.bodyText = ctx.body.toString('utf8');
    if (ctx.form)
        record.form = (0, http_1.firstValues)(ctx.form);
    if (ctx.parts)
        record.parts = ctx.parts.map(({ name, filename, contentType: type, size, sha256, headerLines }) => ({
            name,
            filename,
            contentType: type,
            size,
            sha256,
            headerLines,
        }));
    ctx.practice = (0, auth_1.authenticate)(req.headers, url.searchParams, state.store);
    if (ctx.practice)
        record.apiKey = ctx.practice.apiKey;
    // Faults stand in for the server or a proxy in front of it, so they come before auth and routing.
    const fault = state.faults.take(method, url.pathname);
    if (fault && (await (0, faults_1.actOutFault)(ctx, fault, state.delay)))
        return;
    const route = routes_1.ROUTES.find((candidate) => candidate.pattern.test(url.pathname) && candidate.methods.includes(method));
    const needsAuth = route ? route.auth === 'api' : (0, routes_1.isAuthenticatedArea)(url.pathname);
    if (needsAuth && !ctx.practice) {
        (0, http_1.sendError)(ctx, 401, auth_1.NOT_AUTHORIZED_MESSAGE);
        return;
    }
    if (!route) {
        (0, http_1.sendError)(ctx, 404, `No such endpoint: ${method} ${url.pathname}`);
        return;
    }
    await route.handle(state, ctx, route.pattern.exec(url.pathname));
}
function originFor(host, port) {
    const loopback = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
    return `http://${loopback.includes(':') ? `[${loopback}]` : loopback}:${port}`;
}
async function startSandbox(options = {}) {
    const host = options.host ?? '127.0.0.1';
    const practices = (options.practices ?? practices_1.DEMO_PRACTICES).map((practice) => ({
        ...practice,
        forms: [...practice.forms],
    }));
    const store = new store_1.SandboxStore(practices);
    const requests = [];
    const webhookAttempts = [];
    const webhooks = new webhooks_1.WebhookDispatcher(webhookAttempts, options.webhookTimeScale ?? 1, options.webhookTimeoutMs ?? 10000);
    const faults = new faults_1.FaultList();
    const timers = new Set();
    let closed = false;
    const state = {
        origin: '',
        store,
        faults,
        webhooks,
        requests,
        webhookAttempts,
        connections: 0,
        submit: (urnOrToken, submitOptions) => (0, submission_1.submitReferral)(store, webhooks, state.origin, urnOrToken, submitOptions),
        setStatus(urn, status) {
            const referral = (0, submission_1.findReferral)(store, urn);
            if (!referral?.submission)
                throw new errors_1.SandboxError(404, `Referral ${urn} has not been submitted`);
            referral.submission.status = status;
        },
        addSyntheticDocument(apiKey, bytes) {
            if (!store.practice(apiKey))
                throw new errors_1.SandboxError(400, 'apiKey is not one of the sandbox practices');
            const filename = `SYNTHETIC_${bytes}.pdf`;
            const pdf = (0, pdf_1.syntheticPdf)(filename, ['Dental Referrals sandbox', `Synthetic benchmark document of ${bytes} bytes`], bytes);
            const document = store.addDocument({ apiKey, filename, size: pdf.size, stream: pdf.stream });
            return state.origin + document.path;
        },
        delay: (ms) => new Promise((resolve) => {
            if (closed)
                return;
            const timer = setTimeout(() => {
                timers.delete(timer);
                resolve();
            }, ms);
            timers.add(timer);
        }),
    };
    const server = node_http_1.default.createServer((req, res) => {
        handleRequest(state, req, res).catch((error) => {
            // Errors outside a recorded request (bad URL, control endpoints): still never crash.
            if (!res.headersSent && !res.destroyed) {
                const body = JSON.stringify({ status: 'error', message: `Sandbox internal error: ${error.message}` });
                res.writeHead(500, {
                    'Content-Type': 'application/json; charset=utf-8',
                    'Content-Length': String(Buffer.byteLength(body)),
                });
                res.end(body);
            }
            else {
                res.destroy();
            }
        });
    });
    server.on('connection', () => {
        state.connections++;
    });
    server.on('clientError', (_error, socket) => {
        if (socket.writable)
            socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
        else
            socket.destroy();
    });
    await new Promise((resolve, reject) => {
        // Worded like the e2e stack's port check (e2e/ports.ts), so `npm start` twice reads the same for both.
        const failed = (error) => reject(error.code === 'EADDRINUSE'
            ? new Error(`Dental Referrals sandbox: port ${options.port} on ${host} is already in use (stop whatever listens there or choose another port)`)
            : error);
        server.once('error', failed);
        server.listen(options.port ?? 0, host, () => {
            server.off('error', failed);
            resolve();
        });
    });
    const { port } = server.address();
    state.origin = originFor(host, port);
    let closing;
    const sandbox = {
        origin: state.origin,
        baseUrl: `${state.origin}/react4r/v2/`,
        practices,
        requests,
        webhookAttempts,
        clearRequests: () => {
            requests.length = 0;
        },
        addFault: (fault) => faults.add(fault),
        clearFaults: () => faults.clear(),
        submit: async (urnOrToken, submitOptions) => state.submit(urnOrToken, submitOptions),
        setStatus: (urn, status) => state.setStatus(urn, status),
        addSyntheticDocument: (apiKey, bytes) => state.addSyntheticDocument(apiKey, bytes),
        rotateKey: (index) => store.rotateKey(practices[index].apiKey),
        waitFor: async (predicate, timeoutMs = 5000) => {
            const deadline = Date.now() + timeoutMs;
            while (!predicate()) {
                if (Date.now() > deadline)
                    throw new Error(`sandbox.waitFor: condition still false after ${timeoutMs} ms`);
                await new Promise((resolve) => setTimeout(resolve, 10));
            }
        },
        close: () => {
            closing ??= new Promise((resolve) => {
                closed = true;
                webhooks.close();
                for (const timer of timers)
                    clearTimeout(timer);
                timers.clear();
                server.close(() => resolve());
                server.closeAllConnections();
            });
            return closing;
        },
    };
    return sandbox;
}
//# sourceMappingURL=server.js.map