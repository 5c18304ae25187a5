"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.setLatency = setLatency;
exports.startSandboxProcess = startSandboxProcess;
/**
 * The Dental Referrals sandbox in its own process (its compiled CLI on a free port), so the
 * API side never shares an event loop or a heap with the client being measured.
 */
const node_child_process_1 = require("node:child_process");
const node_path_1 = require("node:path");
const cleanup_1 = require("../e2e/cleanup");
const practices_1 = require("../test/sandbox/practices");
const START_TIMEOUT_MS = 30_000;
async function control(origin, method, action, body) {
    const response = await fetch(`${origin}/__sandbox/${action}`, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    if (!response.ok)
        throw new Error(`sandbox ${method} ${action}: HTTP ${response.status} ${text.slice(0, 200)}`);
    return JSON.parse(text);
}
/** Latency for every API call of a sandbox (its control endpoint; in this or another process). */
async function setLatency(origin, ms) {
    await control(origin, 'DELETE', 'faults');
    if (ms > 0)
        await control(origin, 'POST', 'faults', { kind: 'slow', delayMs: ms, times: 'Infinity' });
}
async function startSandboxProcess() {
    const cli = (0, node_path_1.join)(__dirname, '..', 'test', 'sandbox', 'cli.js');
    const child = (0, node_child_process_1.spawn)(process.execPath, [cli, '--port', '0'], {
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
    });
    if (child.pid === undefined)
        throw new Error(`could not start ${cli}`);
    const untrack = (0, cleanup_1.trackProcessGroup)(child.pid);
    let output = '';
    const origin = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the sandbox did not start within ${START_TIMEOUT_MS} ms: ${output}`)), START_TIMEOUT_MS);
        const onData = (chunk) => {
            output += chunk.toString('utf8');
            const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
            if (match) {
                clearTimeout(timer);
                resolve(match[1]);
            }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('exit', (code) => {
            clearTimeout(timer);
            reject(new Error(`the sandbox exited (${code}): ${output}`));
        });
    });
    // Keep draining its output so it never blocks on a full pipe.
    child.stdout.resume();
    child.stderr.resume();
    const exited = new Promise((resolve) => child.on('exit', () => resolve()));
    const practice = practices_1.DEMO_PRACTICES[0];
    return {
        origin,
        baseUrl: `${origin}/react4r/v2/`,
        apiKey: practice.apiKey,
        formType: practice.forms[0],
        requests: () => control(origin, 'GET', 'requests'),
        clearRequests: async () => {
            await control(origin, 'DELETE', 'requests');
        },
        connections: async () => (await control(origin, 'GET', 'connections')).connections,
        setLatency: (ms) => setLatency(origin, ms),
        addDocument: async (bytes) => (await control(origin, 'POST', 'documents', { apiKey: practice.apiKey, bytes })).url,
        async stop() {
            if (child.exitCode === null) {
                child.kill('SIGTERM');
                const limit = setTimeout(() => child.kill('SIGKILL'), 5_000);
                await exited;
                clearTimeout(limit);
            }
            untrack();
        },
    };
}
//# sourceMappingURL=sandbox-process.js.map