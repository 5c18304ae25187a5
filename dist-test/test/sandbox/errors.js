"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SandboxError = void 0;
/** An expected failure of a sandbox operation (submit, setStatus, control calls); `status` is what HTTP entry points answer. */
class SandboxError extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}
exports.SandboxError = SandboxError;
//# sourceMappingURL=errors.js.map