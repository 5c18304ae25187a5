"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.USER_FOLDER = void 0;
/**
 * Import first: n8n-core reads N8N_USER_FOLDER (its filesystem binary store) when first
 * used, so the bench gives itself (and its children) a temporary one, and keeps n8n quiet.
 */
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
process.env.N8N_USER_FOLDER ??= (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'dr-bench-n8n-'));
process.env.N8N_LOG_LEVEL ??= 'silent';
exports.USER_FOLDER = process.env.N8N_USER_FOLDER;
//# sourceMappingURL=env.js.map