"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Loads one package folder the way n8n loads a community package, in a fresh process:
 * `node loader-child.js <dir>`. n8n-core itself is loaded first and not timed (n8n has it
 * loaded already); only PackageDirectoryLoader.loadAll() of the folder is. Prints one JSON line.
 */
require("../env");
const n8n_core_1 = require("n8n-core");
const measure_1 = require("../measure");
const child_1 = require("../child");
async function main() {
    const started = (0, measure_1.nowMs)();
    const loader = new n8n_core_1.PackageDirectoryLoader(process.argv[2]);
    await loader.loadAll();
    const ms = (0, measure_1.nowMs)() - started;
    const answer = {
        ms,
        nodes: Object.keys(loader.nodeTypes).length,
        credentials: Object.keys(loader.credentialTypes).length,
    };
    return answer;
}
(0, child_1.childMain)(main);
//# sourceMappingURL=loader-child.js.map