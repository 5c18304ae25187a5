"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startQueueStack = startQueueStack;
/**
 * n8n in queue mode on one machine, loopback only: the Dental Referrals sandbox, a fresh
 * Redis, a throw-away PostgreSQL, and three n8n processes — main (`n8n start`, production
 * webhooks switched off), one `n8n worker` and one `n8n webhook` — each with its OWN user
 * folder holding this package (installed as the Community Nodes screen does). They share
 * only what queue mode shares: the database (which also holds binary data, mode
 * `database`), Redis, N8N_ENCRYPTION_KEY and WEBHOOK_URL (= the webhook processor).
 * Everything started is stopped again, also when a later step fails.
 */
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const sandbox_1 = require("../../test/sandbox");
const cleanup_1 = require("../cleanup");
const install_package_1 = require("../install-package");
const n8n_api_1 = require("../n8n-api");
const n8n_process_1 = require("../n8n-process");
const ports_1 = require("../ports");
const stack_1 = require("../stack");
const toolchain_1 = require("../toolchain");
const services_1 = require("./services");
const WORKER_ARGS = ['--concurrency=5'];
async function startQueueStack(options = {}) {
    const log = options.log ?? toolchain_1.defaultLog;
    const keep = options.keepUserFolders ?? process.env.DR_E2E_KEEP === '1';
    const startedAt = Date.now();
    const timings = {};
    const step = async (name, run) => {
        const started = Date.now();
        const result = await run();
        timings[name] = Math.round((Date.now() - started) / 100) / 10;
        return result;
    };
    // Stoppers run in reverse order of registration; n8n processes registered as one group
    // are stopped together (each waits for its own shutdown).
    const { add: onStop, stop } = (0, cleanup_1.stopList)(log);
    let started = false;
    try {
        const toolchain = await step('toolchain', () => (0, toolchain_1.ensureToolchain)(log));
        // Started side by side; whichever started is stopped even if another failed.
        const [sandbox, redis, postgres] = await step('sandbox + redis + postgres', async () => {
            const [sandboxStart, redisStart, postgresStart] = await Promise.allSettled([
                (0, sandbox_1.startSandbox)({
                    host: ports_1.LOOPBACK,
                    webhookTimeScale: options.webhookTimeScale,
                }),
                (0, services_1.startRedis)(log),
                (0, services_1.startPostgres)(log),
            ]);
            if (sandboxStart.status === 'fulfilled')
                onStop(() => sandboxStart.value.close());
            if (redisStart.status === 'fulfilled')
                onStop(redisStart.value.stop);
            if (postgresStart.status === 'fulfilled')
                onStop(postgresStart.value.stop);
            for (const start of [sandboxStart, redisStart, postgresStart])
                if (start.status === 'rejected')
                    throw start.reason;
            return [
                sandboxStart.value,
                redisStart.value,
                postgresStart.value,
            ];
        });
        const practice = sandbox.practices[0];
        if (!practice)
            throw new Error('the sandbox has no demo practice');
        // One user folder per process: nothing can be shared through the file system.
        const folders = [];
        onStop(async () => {
            if (keep)
                log(`kept n8n user folders ${folders.join(', ')}`);
            else
                await Promise.all(folders.map((folder) => node_fs_1.promises.rm(folder, { recursive: true, force: true })));
        });
        const newFolder = async (role) => {
            const folder = await node_fs_1.promises.mkdtemp((0, node_path_1.join)((0, node_os_1.tmpdir)(), `dr-e2e-q-${role}-`));
            folders.push(folder);
            return folder;
        };
        const packed = await step('npm pack', () => (0, install_package_1.packPackage)(toolchain, options.packageDir ?? install_package_1.REPO_ROOT, log));
        onStop(() => packed.cleanup());
        const install = (folder) => (0, install_package_1.installTarball)(toolchain, folder, packed, log);
        const [mainFolder, workerFolder, webhookFolder] = await Promise.all(['main', 'worker', 'webhook'].map(newFolder));
        await step('install package ×3', () => Promise.all([mainFolder, workerFolder, webhookFolder].map(install)));
        const webhookPort = await (0, ports_1.freePort)();
        const webhookUrl = `http://${ports_1.LOOPBACK}:${webhookPort}/`;
        const sharedEnv = {
            EXECUTIONS_MODE: 'queue',
            QUEUE_BULL_REDIS_HOST: ports_1.LOOPBACK,
            QUEUE_BULL_REDIS_PORT: String(redis.port),
            ...postgres.n8nEnv,
            N8N_DEFAULT_BINARY_DATA_MODE: 'database',
            N8N_ENCRYPTION_KEY: (0, node_crypto_1.randomBytes)(24).toString('hex'),
            WEBHOOK_URL: webhookUrl,
            // Waits up to this long for running executions when a process is stopped.
            N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
        };
        const n8nProcesses = [];
        onStop(async () => {
            await Promise.all(n8nProcesses.map((n8n) => n8n.stop()));
        });
        const startOne = async (command, userFolder, env = {}, port) => {
            const n8n = await (0, n8n_process_1.startN8n)({
                toolchain,
                command,
                args: command === 'worker' ? WORKER_ARGS : [],
                port,
                userFolder,
                env: { ...sharedEnv, ...env },
                echo: options.echoN8n,
                log,
            });
            n8nProcesses.push(n8n);
            return n8n;
        };
        // Main first: it runs the migrations on the empty database.
        const main = await step('n8n main', () => startOne('start', mainFolder, {
            // Production webhooks are served by the webhook processor only.
            N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
            // Manual executions go to the workers too (n8n 2.41 still runs them on main by default).
            OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
        }));
        const [worker, webhook] = await step('n8n worker + webhook', () => Promise.all([startOne('worker', workerFolder), startOne('webhook', webhookFolder, {}, webhookPort)]));
        const owner = stack_1.DEFAULT_OWNER;
        const api = new n8n_api_1.N8nApi(main.baseUrl, log, toolchain.n8nVersion);
        await api.setupOwner(owner);
        await api.login(owner.email, owner.password);
        await api.createApiKey('dental-referrals queue e2e');
        const credential = await api.createCredential({
            name: stack_1.CREDENTIAL_NAME,
            type: stack_1.CREDENTIAL_TYPE,
            data: { environment: 'custom', baseUrl: sandbox.baseUrl, apiKey: practice.apiKey },
        });
        const startWorker = async ({ withPackage, label }) => {
            const folder = await newFolder(label);
            if (withPackage)
                await install(folder);
            return startOne('worker', folder);
        };
        log(`queue stack ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s: main ${main.baseUrl}, worker health ${worker.baseUrl}, webhook ${webhookUrl}, redis :${redis.port}, postgres :${postgres.port}`);
        started = true;
        return {
            toolchain,
            sandbox,
            redis,
            postgres,
            main,
            worker,
            webhook,
            webhookUrl,
            sharedEnv,
            api,
            owner,
            credential,
            practiceKey: practice.apiKey,
            packageName: packed.name,
            timings,
            startWorker,
            stop,
        };
    }
    finally {
        if (!started)
            await stop();
    }
}
//# sourceMappingURL=queue-stack.js.map