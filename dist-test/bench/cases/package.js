"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.packageCase = packageCase;
/**
 * Case 5: what gets published (npm pack --dry-run) and what loading it costs n8n: n8n-core's
 * PackageDirectoryLoader (what n8n runs for each community package at start) on this
 * package's folder vs on an empty n8n package, each in a fresh process.
 */
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const exec_1 = require("../../e2e/exec");
const install_package_1 = require("../../e2e/install-package");
const child_1 = require("../child");
const measure_1 = require("../measure");
const results_1 = require("../results");
const CHILD = (0, node_path_1.join)(__dirname, 'loader-child.js');
async function packageCase(result, config) {
    const { stdout } = await (0, exec_1.runCommand)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: install_package_1.REPO_ROOT,
        env: (0, exec_1.cleanEnv)(),
        timeoutMs: 120_000,
        label: 'npm pack --dry-run',
    });
    const [packed] = JSON.parse(stdout);
    const empty = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'dr-bench-empty-package-'));
    (0, node_fs_1.writeFileSync)((0, node_path_1.join)(empty, 'package.json'), JSON.stringify({
        name: 'n8n-nodes-empty-bench',
        version: '0.0.0',
        n8n: { n8nNodesApiVersion: 1, nodes: [], credentials: [] },
    }));
    const ours = [];
    const baseline = [];
    try {
        for (let round = 0; round < config.loaderRounds; round++) {
            ours.push(await (0, child_1.runChild)(CHILD, [install_package_1.REPO_ROOT], { timeoutMs: 60_000 }));
            baseline.push(await (0, child_1.runChild)(CHILD, [empty], { timeoutMs: 60_000 }));
        }
    }
    finally {
        (0, node_fs_1.rmSync)(empty, { recursive: true, force: true });
    }
    const oursMs = (0, measure_1.median)(ours.map((load) => load.ms));
    const emptyMs = (0, measure_1.median)(baseline.map((load) => load.ms));
    Object.assign(result.figures, {
        packed_bytes: packed.size,
        unpacked_bytes: packed.unpackedSize,
        files: packed.entryCount,
        load_ms: (0, results_1.round)(oursMs),
        empty_package_load_ms: (0, results_1.round)(emptyMs),
        load_cost_ms: (0, results_1.round)(oursMs - emptyMs),
        nodes_loaded: ours[0].nodes,
        credentials_loaded: ours[0].credentials,
    });
    result.notes.push('Size: `npm pack --dry-run --json` of the repo (dist/ as built).', `Load: n8n-core PackageDirectoryLoader.loadAll() (what n8n 2.x runs for each installed community package at start), median of ${config.loaderRounds} fresh processes each, this package vs an empty n8n package; n8n-core is loaded before the clock starts, as it is in n8n.`, 'Chosen over n8n start time with/without the package: n8n’s ~10 s start varies by far more than the package costs.');
}
//# sourceMappingURL=package.js.map