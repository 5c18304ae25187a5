"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.useSandbox = useSandbox;
exports.sandboxCredential = sandboxCredential;
exports.dentalReferrals = dentalReferrals;
exports.runNode = runNode;
exports.assertNoSecret = assertNoSecret;
exports.apiRequests = apiRequests;
const sandbox_1 = require("../sandbox");
const key_forms_1 = require("./key-forms");
const run_workflow_1 = require("./run-workflow");
/** Starts one sandbox for a test file (beforeAll) and stops it (afterAll). */
function useSandbox(options = {}) {
    let sandbox;
    beforeAll(async () => {
        sandbox = await (0, sandbox_1.startSandbox)({ webhookTimeScale: 1e-5, ...options });
    });
    afterAll(async () => {
        await sandbox?.close();
    });
    beforeEach(() => {
        sandbox?.clearRequests();
        sandbox?.clearFaults();
    });
    return () => {
        if (!sandbox)
            throw new Error('sandbox not started');
        return sandbox;
    };
}
function sandboxCredential(sandbox, practice = 0) {
    return { environment: 'custom', baseUrl: sandbox.baseUrl, apiKey: sandbox.practices[practice].apiKey };
}
/** A Dental Referrals action node with the given parameters. */
function dentalReferrals(parameters, options = {}) {
    return {
        name: options.name ?? 'Dental Referrals',
        type: `${run_workflow_1.PACKAGE}.dentalReferrals`,
        parameters,
        continueOnFail: options.continueOnFail,
        settings: options.settings,
    };
}
/**
 * Runs Start → Dental Referrals through n8n's engine against the sandbox and asserts the
 * API key of the practice appears nowhere in what the execution produced.
 */
async function runNode(sandbox, parameters, options = {}) {
    const credentials = options.credentials ?? sandboxCredential(sandbox, options.practice);
    const result = await (0, run_workflow_1.runWorkflow)({
        items: options.items,
        files: options.files,
        nodes: [
            dentalReferrals(parameters, { continueOnFail: options.continueOnFail, settings: options.settings }),
        ],
        credentials,
    });
    assertNoSecret(result, String(credentials.apiKey));
    return { ...result, items: result.output('Dental Referrals') };
}
/** The key must not appear in output items, errors or anything else the execution kept. */
function assertNoSecret(result, secret) {
    const everything = JSON.stringify({
        runData: result.run.data.resultData.runData,
        error: result.error
            ? { message: result.error.message, description: result.error.description, stack: result.error.stack }
            : null,
    });
    // Plain, Base64 (standard and URL-safe) and URL-encoded: see key-forms.ts.
    (0, key_forms_1.assertKeyAbsent)(everything, secret, 'the execution data');
}
/** The API requests the sandbox recorded (control and document endpoints included). */
function apiRequests(sandbox, endpoint) {
    return sandbox.requests.filter((request) => !endpoint || request.path.endsWith(`/${endpoint}`));
}
//# sourceMappingURL=sandbox-workflow.js.map