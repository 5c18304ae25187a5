"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.default = globalSetup;
/**
 * Starts the one stack the e2e tests share. DR_E2E_PACKAGE_DIR installs another package
 * folder instead of this repo (used to prove the harness with a stand-in package).
 */
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const install_package_1 = require("./install-package");
const stack_1 = require("./stack");
const stack_info_1 = require("./stack-info");
async function globalSetup() {
    const started = Date.now();
    // Artifacts (screenshots, n8n log) always describe the latest run.
    const artifacts = (0, node_path_1.join)(install_package_1.REPO_ROOT, 'e2e', 'artifacts');
    await node_fs_1.promises.rm(artifacts, { recursive: true, force: true });
    await node_fs_1.promises.mkdir(artifacts, { recursive: true });
    console.log('\n[e2e] starting the stack (first run on a machine installs Node 24 + n8n: ~5 min)');
    const packageDir = process.env.DR_E2E_PACKAGE_DIR || install_package_1.REPO_ROOT;
    const { name } = JSON.parse(await node_fs_1.promises.readFile((0, node_path_1.join)(packageDir, 'package.json'), 'utf8'));
    const stack = await (0, stack_1.startStack)({
        packageDir,
        webhookTimeScale: 0.001,
        echoN8n: process.env.DR_E2E_VERBOSE === '1',
    });
    (0, stack_info_1.setSharedStack)(stack);
    process.env[stack_info_1.STACK_ENV] = JSON.stringify((0, stack_info_1.describeStack)(stack, name));
    console.log(`[e2e] stack up in ${((Date.now() - started) / 1000).toFixed(1)} s: n8n ${stack.n8n.baseUrl}, sandbox ${stack.sandbox.baseUrl}`);
}
//# sourceMappingURL=jest.global-setup.js.map