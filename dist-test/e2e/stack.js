"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_OWNER = exports.CREDENTIAL_NAME = exports.CREDENTIAL_TYPE = void 0;
exports.startStack = startStack;
/**
 * The whole local stack in one call: Dental Referrals sandbox, Node 24 + n8n from the cache,
 * this package installed as a community package, a fresh n8n with an owner, a public API
 * key, a "Dental Referrals API" credential pointing at the sandbox and every example
 * workflow imported. Whatever was started is stopped again if a later step fails.
 */
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const sandbox_1 = require("../test/sandbox");
const cleanup_1 = require("./cleanup");
const examples_1 = require("./examples");
const install_package_1 = require("./install-package");
const n8n_api_1 = require("./n8n-api");
const n8n_process_1 = require("./n8n-process");
const ports_1 = require("./ports");
const toolchain_1 = require("./toolchain");
exports.CREDENTIAL_TYPE = 'dentalReferralsApi';
exports.CREDENTIAL_NAME = 'Dental Referrals API';
exports.DEFAULT_OWNER = {
    email: 'owner@dental-referrals.test',
    firstName: 'Demo',
    lastName: 'Owner',
    password: 'DentalDemo2026',
};
async function startStack(options = {}) {
    const log = options.log ?? toolchain_1.defaultLog;
    const startedAt = Date.now();
    const { add: onStop, stop } = (0, cleanup_1.stopList)(log);
    let started = false;
    try {
        // Fixed ports are checked before anything is installed or started: a second `npm start`
        // fails at once with the same message for the sandbox as for n8n.
        if (options.sandboxPort)
            await (0, ports_1.assertPortFree)(options.sandboxPort, ports_1.LOOPBACK, 'Dental Referrals sandbox');
        if (options.n8nPort)
            await (0, ports_1.assertPortFree)(options.n8nPort, ports_1.LOOPBACK, 'n8n HTTP');
        const toolchain = await (0, toolchain_1.ensureToolchain)(log);
        const sandbox = await (0, sandbox_1.startSandbox)({
            port: options.sandboxPort,
            host: ports_1.LOOPBACK,
            webhookTimeScale: options.webhookTimeScale,
        });
        onStop(() => sandbox.close());
        log(`sandbox on ${sandbox.baseUrl}`);
        const practice = sandbox.practices[0];
        if (!practice)
            throw new Error('the sandbox has no demo practice');
        const userFolder = await node_fs_1.promises.mkdtemp((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'dr-e2e-n8n-'));
        const keep = options.keepUserFolder ?? process.env.DR_E2E_KEEP === '1';
        onStop(async () => {
            if (keep)
                log(`kept n8n user folder ${userFolder}`);
            else
                await node_fs_1.promises.rm(userFolder, { recursive: true, force: true });
        });
        if (options.packageDir !== false) {
            await (0, install_package_1.installPackage)(toolchain, userFolder, options.packageDir ?? install_package_1.REPO_ROOT, log);
        }
        const n8n = await (0, n8n_process_1.startN8n)({
            toolchain,
            port: options.n8nPort,
            userFolder,
            env: options.n8nEnv,
            readyTimeoutMs: options.readyTimeoutMs,
            echo: options.echoN8n,
            log,
        });
        onStop(() => n8n.stop());
        const owner = options.owner ?? exports.DEFAULT_OWNER;
        const api = new n8n_api_1.N8nApi(n8n.baseUrl, log, toolchain.n8nVersion);
        await api.setupOwner(owner);
        await api.login(owner.email, owner.password);
        const apiKey = await api.createApiKey('dental-referrals e2e');
        const credential = await api.createCredential({
            name: exports.CREDENTIAL_NAME,
            type: exports.CREDENTIAL_TYPE,
            data: { environment: 'custom', baseUrl: sandbox.baseUrl, apiKey: practice.apiKey },
        });
        log(`credential "${credential.name}" (id ${credential.id}) → ${sandbox.baseUrl} as ${practice.name}`);
        const workflows = [];
        if (options.importExamples !== false) {
            for (const example of await (0, examples_1.readExamples)(credential)) {
                const created = await api.createWorkflow(example.definition).catch((error) => error);
                if (created instanceof Error)
                    throw new Error(`importing examples/${example.file}: ${created.message}`);
                workflows.push({ file: example.file, id: created.id, name: created.name });
            }
            log(`imported ${workflows.length} example workflow(s)`);
        }
        log(`stack ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
        started = true;
        return {
            toolchain,
            sandbox,
            n8n,
            api,
            owner,
            apiKey,
            credential,
            practiceKey: practice.apiKey,
            workflows,
            editorUrl: `${n8n.baseUrl}/home/workflows`,
            stop,
        };
    }
    finally {
        if (!started)
            await stop();
    }
}
//# sourceMappingURL=stack.js.map