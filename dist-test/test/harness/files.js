"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.randomFile = randomFile;
exports.sha256 = sha256;
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const folder = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'dr-files-'));
/** Writes a file of random bytes (real content, never all zeros) and returns its path and hash. */
function randomFile(name, bytes) {
    const content = (0, node_crypto_1.randomBytes)(bytes);
    const path = (0, node_path_1.join)(folder, name);
    (0, node_fs_1.writeFileSync)(path, content);
    return { path, sha256: (0, node_crypto_1.createHash)('sha256').update(content).digest('hex'), size: bytes };
}
function sha256(content) {
    return (0, node_crypto_1.createHash)('sha256').update(content).digest('hex');
}
//# sourceMappingURL=files.js.map