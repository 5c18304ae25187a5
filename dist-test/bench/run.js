"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * `npm run bench [-- --short]` (or BENCH_SHORT=1): every figure next to its baseline from
 * the same run. The full run writes bench/results.json, results.md and memory.svg (they are
 * committed); the short run writes them to bench/tmp/ (ignored) and exists so that CI keeps
 * every measurement working. Exits non-zero when a measurement failed, never because a
 * figure missed its target.
 */
const env_1 = require("./env");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const stack_1 = require("../e2e/stack");
const toolchain_1 = require("../e2e/toolchain");
const memory_1 = require("./cases/memory");
const n8n_prepare_form_1 = require("./cases/n8n-prepare-form");
const n8n_acknowledgement_1 = require("./cases/n8n-acknowledgement");
const n8n_webhook_1 = require("./cases/n8n-webhook");
const package_1 = require("./cases/package");
const prepare_form_1 = require("./cases/prepare-form");
const profile_1 = require("./cases/profile");
const webhook_harness_1 = require("./cases/webhook-harness");
const config_1 = require("./config");
const report_1 = require("./report");
const results_1 = require("./results");
const sandbox_process_1 = require("./sandbox-process");
// SLOT for issue #12 (exactly-once notifications): the webhook acknowledgement case — our
// trigger vs n8n's Webhook node (typeVersion 1), 50 concurrent notifications, default `vm`
// expression engine — is being built in another branch; it replaces this placeholder.
const BENCH_DIR = (0, node_path_1.join)(__dirname, '..', '..', 'bench');
function toolchainInstalled() {
    const root = (0, toolchain_1.cacheRoot)();
    return ((0, node_fs_1.existsSync)((0, node_path_1.join)(root, `n8n-${toolchain_1.N8N_VERSION}`, '.complete.json')) &&
        (0, node_fs_1.existsSync)((0, node_path_1.join)(root, `node-${toolchain_1.NODE_MAJOR}.x`, '.complete.json')));
}
async function sandboxCases(config) {
    const results = [];
    const sandbox = await (0, sandbox_process_1.startSandboxProcess)();
    try {
        results.push(await (0, results_1.runCase)('prepare-form', `Prepare Form over ${config.items} items through n8n’s engine: our node vs the floor node (loopback), and at ${config_1.LATENCY_MS} ms latency`, (r) => (0, prepare_form_1.prepareFormCase)(r, config, sandbox)), await (0, results_1.runCase)('profile', `CPU profile of Prepare Form over ${config.profileItems} items (our node, loopback), before and after`, (r) => (0, profile_1.profileCase)(r, config, sandbox)), await (0, results_1.runCase)('memory', 'Add File and Download PDF: peak RSS growth and throughput vs raw streaming', (r) => (0, memory_1.memoryCase)(r, config, sandbox)), await (0, results_1.runCase)('webhook-harness', `Trigger, ${config.notifications} concurrent notifications (engine harness)`, (r) => (0, webhook_harness_1.webhookHarnessCase)(r, config, sandbox)));
    }
    finally {
        await sandbox.stop();
    }
    return results;
}
async function realN8nCases(config) {
    const titles = {
        form: `Prepare Form over ${config.n8nItems} items in real n8n at ${config_1.LATENCY_MS} ms latency: node vs n8n’s HTTP Request node, both at their defaults`,
        webhook: `Trigger in real n8n, ${config.notifications} concurrent notifications`,
        ack: 'Acknowledgement in real n8n: trigger vs n8n’s Webhook node v1, same load',
    };
    if (config.realN8n === 'if-installed' && !toolchainInstalled()) {
        const reason = `skipped: the e2e toolchain (Node ${toolchain_1.NODE_MAJOR} + n8n ${toolchain_1.N8N_VERSION}) is not installed in ${(0, toolchain_1.cacheRoot)()}`;
        return [
            (0, results_1.skipped)('n8n-prepare-form', titles.form, reason),
            (0, results_1.skipped)('n8n-webhook', titles.webhook, reason),
            (0, results_1.skipped)('n8n-acknowledgement', titles.ack, reason),
        ];
    }
    let stack;
    const results = [];
    try {
        const start = await (0, results_1.runCase)('n8n-stack', 'Start the e2e stack (sandbox + real n8n + this package)', async (r) => {
            stack = await (0, stack_1.startStack)({ importExamples: false, log: (line) => console.log(`[e2e] ${line}`) });
            r.notes.push('startStack() from e2e/stack.ts, reused as is.');
        });
        if (!stack) {
            return [
                start,
                (0, results_1.skipped)('n8n-prepare-form', titles.form, 'the stack did not start'),
                (0, results_1.skipped)('n8n-webhook', titles.webhook, 'the stack did not start'),
                (0, results_1.skipped)('n8n-acknowledgement', titles.ack, 'the stack did not start'),
            ];
        }
        const ready = stack;
        start.figures.start_s = Math.round(start.durationMs / 100) / 10;
        results.push(start, await (0, results_1.runCase)('n8n-prepare-form', titles.form, (r) => (0, n8n_prepare_form_1.n8nPrepareFormCase)(r, config, ready)), await (0, results_1.runCase)('n8n-webhook', titles.webhook, (r) => (0, n8n_webhook_1.n8nWebhookCase)(r, config, ready)), await (0, results_1.runCase)('n8n-acknowledgement', titles.ack, (r) => (0, n8n_acknowledgement_1.n8nAcknowledgementCase)(r, config, ready)));
    }
    finally {
        await stack?.stop();
    }
    return results;
}
async function main() {
    const config = (0, config_1.benchConfig)(process.argv.slice(2), process.env);
    const startedAt = new Date();
    console.log(`[bench] ${config.short ? 'short' : 'full'} run, Node ${process.version}`);
    const cases = [];
    try {
        cases.push(...(await sandboxCases(config)));
        cases.push(await (0, results_1.runCase)('package', 'Package: packed size and load time in n8n-core’s loader', (r) => (0, package_1.packageCase)(r, config)));
        cases.push(...(await realN8nCases(config)));
    }
    finally {
        (0, node_fs_1.rmSync)(env_1.USER_FOLDER, { recursive: true, force: true });
    }
    const run = (0, report_1.benchRun)(config, startedAt, cases);
    const folder = config.short ? (0, node_path_1.join)(BENCH_DIR, 'tmp') : BENCH_DIR;
    (0, report_1.writeReport)(run, folder);
    console.log(`\n[bench] ${run.mode} run done in ${run.durationS} s; results in ${folder}/results.{json,md}`);
    const failed = cases.filter((c) => c.status === 'failed');
    for (const c of failed)
        console.error(`[bench] FAILED ${c.id}: ${c.error?.split('\n')[0]}`);
    return failed.length ? 1 : 0;
}
main().then((code) => process.exit(code), (error) => {
    console.error(`[bench] ${error.stack ?? error.message}`);
    process.exit(1);
});
//# sourceMappingURL=run.js.map