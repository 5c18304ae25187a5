"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * `npm start`: the local demo. Starts the sandbox and a real n8n with this package
 * installed (after the npm script built it), prints where to log in, and stops
 * everything on Ctrl-C.
 *
 * Env: N8N_PORT (default 5678), SANDBOX_PORT (default 8787), DR_E2E_CACHE (toolchain
 * cache), DR_E2E_KEEP=1 (keep n8n's user folder), DR_E2E_VERBOSE=1 (echo n8n's log).
 */
const cleanup_1 = require("./cleanup");
const stack_1 = require("./stack");
function portFromEnv(name, fallback) {
    const raw = process.env[name];
    if (raw === undefined || raw === '')
        return fallback;
    const port = Number(raw);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new Error(`${name}=${raw} is not a port number`);
    }
    return port;
}
async function main() {
    const stack = await (0, stack_1.startStack)({
        n8nPort: portFromEnv('N8N_PORT', 5678),
        sandboxPort: portFromEnv('SANDBOX_PORT', 8787),
        echoN8n: process.env.DR_E2E_VERBOSE === '1',
    });
    const practice = stack.sandbox.practices[0];
    const lines = [
        '',
        'Dental Referrals demo is running (Ctrl-C stops everything)',
        `  n8n editor      ${stack.editorUrl}`,
        `  login           ${stack.owner.email} / ${stack.owner.password}`,
        `  sandbox API     ${stack.sandbox.baseUrl}`,
        `  demo API key    ${stack.practiceKey} (${practice?.name ?? 'practice 1'})`,
        `  credential      "${stack.credential.name}" (already set up with the key above)`,
        `  workflows       ${stack.workflows.length ? stack.workflows.map((w) => w.name).join(', ') : 'none imported'}`,
        `  n8n log         ${stack.n8n.logFile}`,
        '',
    ];
    console.log(lines.join('\n'));
    let shuttingDown = false;
    (0, cleanup_1.onShutdown)(async () => {
        shuttingDown = true;
    });
    const exit = await stack.n8n.exited;
    if (shuttingDown)
        return;
    console.error(`[e2e] n8n exited on its own (${exit.signal ?? `code ${exit.code}`}); stopping`);
    console.error(stack.n8n.logTail(30));
    await stack.stop();
    process.exit(1);
}
main().catch((error) => {
    console.error(`[e2e] could not start the demo: ${error.message}`);
    process.exit(1);
});
//# sourceMappingURL=start.js.map