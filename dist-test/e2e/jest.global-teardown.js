"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.default = globalTeardown;
/** Stops the shared stack (n8n process group, sandbox, temp user folder). */
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const install_package_1 = require("./install-package");
const stack_info_1 = require("./stack-info");
async function globalTeardown() {
    const stack = (0, stack_info_1.sharedStack)();
    if (!stack)
        return;
    (0, stack_info_1.setSharedStack)(undefined);
    // Keep n8n's log for CI's artifacts before the user folder goes.
    const artifacts = (0, node_path_1.join)(install_package_1.REPO_ROOT, 'e2e', 'artifacts');
    await node_fs_1.promises.mkdir(artifacts, { recursive: true });
    await node_fs_1.promises.writeFile((0, node_path_1.join)(artifacts, 'n8n.log'), stack.n8n.output()).catch(() => undefined);
    const started = Date.now();
    await stack.stop();
    console.log(`[e2e] stack stopped in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
//# sourceMappingURL=jest.global-teardown.js.map