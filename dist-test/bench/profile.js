"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * `node dist-test/bench/profile.js [items] [out.json]`: the CPU profile of the node's run on its own
 * (sandbox process + profile child), as the bench's profile case takes it. Used to record
 * bench/profile-before.json from the code before the issue-13 changes.
 */
require("./env");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const child_1 = require("./child");
const sandbox_process_1 = require("./sandbox-process");
async function main() {
    const items = Number(process.argv[2] ?? 1000);
    const sandbox = await (0, sandbox_process_1.startSandboxProcess)();
    try {
        const job = {
            baseUrl: sandbox.baseUrl,
            apiKey: sandbox.apiKey,
            formType: sandbox.formType,
            items,
            warmups: 2,
        };
        const answer = await (0, child_1.runChild)((0, node_path_1.join)(__dirname, 'cases', 'profile-child.js'), [JSON.stringify(job)], {
            timeoutMs: 10 * 60_000,
        });
        const text = JSON.stringify(answer, null, 2);
        if (process.argv[3])
            (0, node_fs_1.writeFileSync)(process.argv[3], `${text}\n`);
        console.log(text);
    }
    finally {
        await sandbox.stop();
    }
}
main().then(() => process.exit(0), (error) => {
    console.error(error.stack ?? error.message);
    process.exit(1);
});
//# sourceMappingURL=profile.js.map