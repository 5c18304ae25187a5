"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PROFILE_BEFORE = void 0;
exports.profileCase = profileCase;
/**
 * Case: a CPU profile of Prepare Form over N items (one request at a time, loopback) in a
 * fresh process, next to the profile recorded from the code before issue #13's changes
 * (bench/profile-before.json, same child, same settings).
 */
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const child_1 = require("../child");
const results_1 = require("../results");
const CHILD = (0, node_path_1.join)(__dirname, 'profile-child.js');
exports.PROFILE_BEFORE = (0, node_path_1.join)(__dirname, '..', '..', '..', 'bench', 'profile-before.json');
function perItem(answer, origin) {
    return answer.origins.find((o) => o.origin === origin)?.usPerItem ?? 0;
}
async function profileCase(result, config, sandbox) {
    await sandbox.setLatency(0);
    const job = {
        baseUrl: sandbox.baseUrl,
        apiKey: sandbox.apiKey,
        formType: sandbox.formType,
        items: config.profileItems,
        warmups: 2,
    };
    const after = await (0, child_1.runChild)(CHILD, [JSON.stringify(job)], { timeoutMs: 10 * 60_000 });
    await sandbox.clearRequests();
    const before = (0, node_fs_1.existsSync)(exports.PROFILE_BEFORE)
        ? JSON.parse((0, node_fs_1.readFileSync)(exports.PROFILE_BEFORE, 'utf8'))
        : undefined;
    result.profiles = { after, ...(before ? { before } : {}) };
    const busy = (answer) => (answer.busyMs * 1000) / answer.items;
    Object.assign(result.figures, {
        items: after.items,
        busy_us_per_item: Math.round(busy(after)),
        cpu_us_per_item: after.cpuUsPerItem ?? Number.NaN,
        package_us_per_item: perItem(after, 'this package'),
        n8n_workflow_us_per_item: perItem(after, 'n8n-workflow'),
        luxon_us_per_item: perItem(after, 'luxon'),
    });
    if (before) {
        Object.assign(result.figures, {
            before_busy_us_per_item: Math.round(busy(before)),
            before_cpu_us_per_item: before.cpuUsPerItem ?? Number.NaN,
            before_package_us_per_item: perItem(before, 'this package'),
            before_n8n_workflow_us_per_item: perItem(before, 'n8n-workflow'),
            before_luxon_us_per_item: perItem(before, 'luxon'),
            ratio_busy_after_vs_before: (0, results_1.round)(busy(after) / busy(before)),
        });
    }
    result.notes.push(`V8 sampling profiler (node:inspector, 100 µs interval) around one run of ${config.profileItems} items after 2 warm-up runs, in a fresh process; the sandbox answers at once (loopback), one request at a time.`, 'Self time per function; “busy” = all samples except idle. Origin = the package a function’s file belongs to ((native) = V8/libuv built-ins such as connect and writev).', before
        ? `Before: bench/profile-before.json, recorded with the same child from commit ${before.commit ?? '?'} (before this issue’s changes). Absolute times differ with the machine’s load; compare shares and per-item costs by origin.`
        : 'No bench/profile-before.json: only the current profile.');
}
//# sourceMappingURL=profile.js.map