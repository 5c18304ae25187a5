"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.knowsMcpRegistry = knowsMcpRegistry;
exports.n8nEnv = n8nEnv;
exports.startN8n = startN8n;
/**
 * One n8n process (`n8n start`, or queue mode's `n8n worker` / `n8n webhook`) under Node 24
 * on 127.0.0.1: own temp user folder, own HTTP and task-broker ports, bounded readiness wait
 * on /healthz/readiness, and a stop() that kills the whole process group (the task runner
 * included) and may be called any number of times.
 */
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const cleanup_1 = require("./cleanup");
const ports_1 = require("./ports");
const toolchain_1 = require("./toolchain");
const OUTPUT_LIMIT = 2_000_000;
/**
 * Whether the installed n8n has the `mcp-registry` module. Older releases (1.123.x, 2.20.x)
 * exit with "Unknown module" when N8N_DISABLED_MODULES names it (and make no such calls).
 */
function knowsMcpRegistry(toolchain) {
    return (0, node_fs_1.existsSync)((0, node_path_1.join)(toolchain.n8nDir, 'node_modules', 'n8n', 'dist', 'modules', 'mcp-registry'));
}
/** The environment the recipe verified, for one instance (`mcpRegistry`: see knowsMcpRegistry). */
function n8nEnv(userFolder, port, brokerPort, mcpRegistry = true) {
    return {
        N8N_USER_FOLDER: userFolder,
        N8N_PORT: String(port),
        N8N_LISTEN_ADDRESS: ports_1.LOOPBACK,
        N8N_HOST: ports_1.LOOPBACK,
        N8N_PROTOCOL: 'http',
        N8N_RUNNERS_BROKER_PORT: String(brokerPort),
        N8N_RUNNERS_BROKER_LISTEN_ADDRESS: ports_1.LOOPBACK,
        N8N_DIAGNOSTICS_ENABLED: 'false',
        N8N_PERSONALIZATION_ENABLED: 'false',
        N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
        N8N_TEMPLATES_ENABLED: 'false',
        N8N_HIRING_BANNER_ENABLED: 'false',
        N8N_SECURE_COOKIE: 'false',
        ...(mcpRegistry ? { N8N_DISABLED_MODULES: 'mcp-registry' } : {}),
        N8N_VERIFIED_PACKAGES_ENABLED: 'false',
        N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
        N8N_LOG_OUTPUT: 'console',
        DB_TYPE: 'sqlite',
    };
}
/** A worker's health server (its only HTTP listener) on `port`, loopback only. */
function workerEnv(command, port) {
    if (command !== 'worker')
        return {};
    return {
        QUEUE_HEALTH_CHECK_ACTIVE: 'true',
        QUEUE_HEALTH_CHECK_PORT: String(port),
        N8N_WORKER_SERVER_ADDRESS: ports_1.LOOPBACK,
    };
}
async function fetchStatus(url, timeoutMs) {
    try {
        const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
        await response.arrayBuffer();
        return response.status;
    }
    catch {
        return undefined;
    }
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
async function startN8n(options) {
    const log = options.log ?? toolchain_1.defaultLog;
    const readyTimeoutMs = options.readyTimeoutMs ?? 180_000;
    const port = await (0, ports_1.choosePort)(options.port, ports_1.LOOPBACK, 'n8n HTTP');
    let brokerPort = await (0, ports_1.choosePort)(options.brokerPort, ports_1.LOOPBACK, 'n8n task broker');
    while (brokerPort === port)
        brokerPort = await (0, ports_1.choosePort)(undefined, ports_1.LOOPBACK, 'n8n task broker');
    const ownFolder = options.userFolder === undefined;
    const userFolder = options.userFolder ?? (await node_fs_1.promises.mkdtemp((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'dr-e2e-n8n-')));
    const logFile = (0, node_path_1.join)(userFolder, 'n8n-e2e.log');
    const logStream = (0, node_fs_1.createWriteStream)(logFile, { flags: 'a' });
    const baseUrl = `http://${ports_1.LOOPBACK}:${port}`;
    const command = options.command ?? 'start';
    const env = options.toolchain.env({
        ...n8nEnv(userFolder, port, brokerPort, knowsMcpRegistry(options.toolchain)),
        ...workerEnv(command, port),
        ...options.env,
    });
    const started = Date.now();
    const what = command === 'start' ? 'n8n' : `n8n ${command}`;
    log(`starting ${what} ${options.toolchain.n8nVersion} on ${baseUrl} (broker ${brokerPort}, user folder ${userFolder})`);
    const child = (0, node_child_process_1.spawn)(options.toolchain.nodeBin, [options.toolchain.n8nEntry, command, ...(options.args ?? [])], {
        cwd: userFolder,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
    });
    if (child.pid === undefined) {
        throw new Error(`could not start n8n (${options.toolchain.nodeBin} ${options.toolchain.n8nEntry})`);
    }
    const pid = child.pid;
    const untrack = (0, cleanup_1.trackProcessGroup)(pid);
    let output = '';
    let partial = '';
    const onData = (chunk) => {
        logStream.write(chunk);
        output += chunk;
        if (output.length > OUTPUT_LIMIT)
            output = output.slice(-OUTPUT_LIMIT / 2);
        if (options.echo) {
            const lines = (partial + chunk).split('\n');
            partial = lines.pop() ?? '';
            for (const line of lines)
                if (line.trim())
                    log(`[n8n] ${line}`);
        }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    let exitInfo;
    const exited = new Promise((resolve) => {
        child.on('exit', (code, signal) => {
            exitInfo = { code, signal };
            resolve(exitInfo);
        });
    });
    const logTail = (lines = 40) => output.trimEnd().split('\n').slice(-lines).join('\n');
    let stopping;
    let unregisterShutdown = () => undefined;
    const groupAlive = () => {
        try {
            process.kill(-pid, 0);
            return true;
        }
        catch {
            return false;
        }
    };
    const stop = (graceMs = 10_000) => {
        stopping ??= (async () => {
            unregisterShutdown();
            if (groupAlive()) {
                try {
                    process.kill(-pid, 'SIGTERM');
                }
                catch {
                    // gone already
                }
                const deadline = Date.now() + graceMs;
                while (groupAlive() && Date.now() < deadline)
                    await sleep(100);
                if (groupAlive()) {
                    log(`n8n did not stop within ${graceMs} ms; killing its process group`);
                    try {
                        process.kill(-pid, 'SIGKILL');
                    }
                    catch {
                        // gone already
                    }
                    const killDeadline = Date.now() + 5_000;
                    while (groupAlive() && Date.now() < killDeadline)
                        await sleep(50);
                }
            }
            untrack();
            await new Promise((resolve) => logStream.end(resolve));
            if (ownFolder && options.removeUserFolder !== false) {
                await node_fs_1.promises.rm(userFolder, { recursive: true, force: true });
            }
        })();
        return stopping;
    };
    unregisterShutdown = (0, cleanup_1.onShutdown)(() => stop(5_000));
    const handle = {
        baseUrl,
        port,
        brokerPort,
        userFolder,
        logFile,
        pid,
        logTail,
        output: () => output,
        stop,
        async kill() {
            try {
                process.kill(-pid, 'SIGKILL');
            }
            catch {
                // gone already
            }
            await exited;
        },
        exited,
    };
    // Bounded readiness wait; fail fast if n8n dies.
    const deadline = started + readyTimeoutMs;
    for (;;) {
        if (exitInfo) {
            const tailText = logTail(60);
            await stop();
            const cause = exitInfo.signal ? `signal ${exitInfo.signal}` : `exit code ${exitInfo.code}`;
            const hint = /EADDRINUSE|already in use/i.test(tailText) ? ' (a port is already in use)' : '';
            throw new Error(`${what} exited before it was ready (${cause})${hint}\n--- n8n log tail ---\n${tailText}`);
        }
        // n8n 1.x reports ready ~2 s before its REST routes exist: a main process must also
        // answer /rest/settings (public, no login) before it counts as ready.
        if ((await fetchStatus(`${baseUrl}/healthz/readiness`, 2_000)) === 200 &&
            (command !== 'start' || (await fetchStatus(`${baseUrl}/rest/settings`, 5_000)) === 200))
            break;
        if (Date.now() > deadline) {
            const tailText = logTail(60);
            await stop();
            throw new Error(`${what} was not ready on ${baseUrl}/healthz/readiness within ${Math.round(readyTimeoutMs / 1000)} s\n--- n8n log tail ---\n${tailText}`);
        }
        await sleep(250);
    }
    log(`${what} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return handle;
}
//# sourceMappingURL=n8n-process.js.map