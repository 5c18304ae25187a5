"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EXAMPLES_DIR = void 0;
exports.withCredential = withCredential;
exports.toDefinition = toDefinition;
exports.readExamples = readExamples;
/**
 * Reads the repo's `examples/*.json` workflows and turns them into public-API workflow
 * bodies whose Dental Referrals credential references point at a given credential.
 */
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const install_package_1 = require("./install-package");
const n8n_api_1 = require("./n8n-api");
exports.EXAMPLES_DIR = (0, node_path_1.join)(install_package_1.REPO_ROOT, 'examples');
/** Settings the public API accepts on create (it refuses unknown keys). */
const ALLOWED_SETTINGS = new Set([
    'saveExecutionProgress',
    'saveManualExecutions',
    'saveDataErrorExecution',
    'saveDataSuccessExecution',
    'executionTimeout',
    'errorWorkflow',
    'timezone',
    'executionOrder',
    'callerPolicy',
    'callerIds',
]);
/** Points every credential slot of `credential.type` at `credential`. */
function withCredential(nodes, credential) {
    return nodes.map((node) => {
        if (!node.credentials || !(credential.type in node.credentials))
            return node;
        return {
            ...node,
            credentials: { ...node.credentials, [credential.type]: { id: credential.id, name: credential.name } },
        };
    });
}
function toDefinition(raw, file, credential) {
    const nodes = raw.nodes;
    if (!Array.isArray(nodes) || typeof raw.connections !== 'object' || raw.connections === null) {
        throw new Error(`${file}: not an n8n workflow export (needs "nodes" and "connections")`);
    }
    const settings = Object.fromEntries(Object.entries(raw.settings ?? {}).filter(([key]) => ALLOWED_SETTINGS.has(key)));
    return {
        name: typeof raw.name === 'string' ? raw.name : (0, node_path_1.basename)(file, '.json'),
        nodes: credential ? withCredential(nodes, credential) : nodes,
        connections: raw.connections,
        settings: { executionOrder: 'v1', ...settings },
    };
}
/** Every `examples/*.json` (sorted); none when the folder does not exist yet. */
async function readExamples(credential, dir = exports.EXAMPLES_DIR) {
    if (!(0, node_fs_1.existsSync)(dir))
        return [];
    const files = (await node_fs_1.promises.readdir(dir)).filter((file) => file.endsWith('.json')).sort();
    const examples = [];
    for (const file of files) {
        const path = (0, node_path_1.join)(dir, file);
        const parsed = (0, n8n_api_1.parseJson)(await node_fs_1.promises.readFile(path, 'utf8'));
        if (!parsed.ok)
            throw new Error(`${path}: invalid JSON (${parsed.error})`);
        examples.push({
            file,
            definition: toDefinition(parsed.value, file, credential),
        });
    }
    return examples;
}
//# sourceMappingURL=examples.js.map