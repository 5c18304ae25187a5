"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.STACK_ENV = void 0;
exports.describeStack = describeStack;
exports.stackInfo = stackInfo;
exports.connect = connect;
exports.setSharedStack = setSharedStack;
exports.sharedStack = sharedStack;
/**
 * How the jest global setup hands the running stack to the test files (same process,
 * `--runInBand`): a JSON description in an environment variable.
 */
const n8n_api_1 = require("./n8n-api");
exports.STACK_ENV = 'DR_E2E_STACK';
function describeStack(stack, packageName) {
    return {
        n8nUrl: stack.n8n.baseUrl,
        n8nLogFile: stack.n8n.logFile,
        userFolder: stack.n8n.userFolder,
        sandboxOrigin: stack.sandbox.origin,
        sandboxBaseUrl: stack.sandbox.baseUrl,
        practiceKey: stack.practiceKey,
        practices: stack.sandbox.practices.map(({ name, apiKey, forms }) => ({ name, apiKey, forms })),
        owner: stack.owner,
        apiKey: stack.apiKey,
        credential: stack.credential,
        workflows: stack.workflows,
        packageName,
        n8nVersion: stack.toolchain.n8nVersion,
    };
}
function stackInfo() {
    const raw = process.env[exports.STACK_ENV];
    if (!raw)
        throw new Error(`${exports.STACK_ENV} is not set: run the e2e tests with e2e/jest.config.js (its global setup starts the stack)`);
    return JSON.parse(raw);
}
/** A client logged in as the owner, with the public API key. */
async function connect(info = stackInfo()) {
    const api = new n8n_api_1.N8nApi(info.n8nUrl, undefined, info.n8nVersion);
    await api.login(info.owner.email, info.owner.password);
    api.useApiKey(info.apiKey);
    return api;
}
// Global setup and teardown run in the same jest parent process and share its global object.
const GLOBAL_SLOT = '__DR_E2E_STACK__';
function setSharedStack(stack) {
    globalThis[GLOBAL_SLOT] = stack;
}
function sharedStack() {
    return globalThis[GLOBAL_SLOT];
}
//# sourceMappingURL=stack-info.js.map