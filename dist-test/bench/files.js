"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.tempFolder = tempFolder;
/** Temporary files of random bytes (never all zeros), written in chunks so a 500 MB file never sits in memory. */
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const CHUNK = 4 * 1024 * 1024;
function tempFolder(prefix) {
    const path = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), prefix));
    return {
        path,
        randomFile(name, bytes) {
            const file = (0, node_path_1.join)(path, name);
            const fd = (0, node_fs_1.openSync)(file, 'w');
            try {
                for (let written = 0; written < bytes; written += CHUNK) {
                    (0, node_fs_1.writeSync)(fd, (0, node_crypto_1.randomBytes)(Math.min(CHUNK, bytes - written)));
                }
            }
            finally {
                (0, node_fs_1.closeSync)(fd);
            }
            return file;
        },
        removeFile(file) {
            (0, node_fs_1.rmSync)(file, { force: true });
        },
        remove() {
            (0, node_fs_1.rmSync)(path, { recursive: true, force: true });
        },
    };
}
//# sourceMappingURL=files.js.map