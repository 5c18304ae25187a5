"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.eventsOf = exports.json = exports.BATCH_PATH = exports.TYPE = exports.TRIGGER = void 0;
exports.useStatusSandbox = useStatusSandbox;
exports.statusTrigger = statusTrigger;
exports.poller = poller;
exports.submitReferrals = submitReferrals;
exports.batchAnswer = batchAnswer;
exports.nextBatchWithFiles = nextBatchWithFiles;
exports.expectNoKey = expectNoKey;
const DentalReferralsStatusTrigger_node_1 = require("../../nodes/DentalReferralsStatusTrigger/DentalReferralsStatusTrigger.node");
const poll_1 = require("../harness/poll");
const run_workflow_1 = require("../harness/run-workflow");
const sandbox_workflow_1 = require("../harness/sandbox-workflow");
const key_forms_1 = require("../harness/key-forms");
exports.TRIGGER = 'Dental Referrals Status Trigger';
exports.TYPE = `${run_workflow_1.PACKAGE}.dentalReferralsStatusTrigger`;
exports.BATCH_PATH = '/react4r/v2/batch_referral_status';
(0, run_workflow_1.registerNodeType)(exports.TYPE, new DentalReferralsStatusTrigger_node_1.DentalReferralsStatusTrigger());
/** One practice per test, so that every test starts from its own empty referral list. */
const PRACTICES = Array.from({ length: 16 }, (_, index) => ({
    name: `Practice ${index}`,
    apiKey: `${(0xabc000 + index).toString(16)}${'0123456789abcd'}`.slice(0, 20),
    forms: ['AdultRestorativeForm'],
}));
/** A sandbox with 16 practices for the file, and a fresh practice index per call of next(). */
function useStatusSandbox() {
    const sandbox = (0, sandbox_workflow_1.useSandbox)({ practices: PRACTICES });
    let next = 0;
    return {
        sandbox,
        nextPractice: () => {
            if (next >= PRACTICES.length)
                throw new Error('out of test practices');
            return next++;
        },
    };
}
function statusTrigger(events, options = {}) {
    return {
        name: exports.TRIGGER,
        type: exports.TYPE,
        parameters: { ...(events ? { events } : {}), options },
    };
}
function poller(sandbox, practice, events, options = {}, credentials = (0, sandbox_workflow_1.sandboxCredential)(sandbox, practice)) {
    return (0, poll_1.createPoller)({ trigger: statusTrigger(events, options), credentials });
}
/** Prepares and submits `count` referrals for the practice straight over HTTP; returns URNs, oldest first. */
async function submitReferrals(sandbox, practice, count = 1) {
    const urns = [];
    for (let i = 0; i < count; i++) {
        const response = await fetch(`${sandbox.baseUrl}prepare_form`, {
            method: 'POST',
            headers: {
                Authorization: `Token token=${sandbox.practices[practice].apiKey}`,
                'Content-Type': 'application/x-www-form-urlencoded',
            },
            body: 'form_type=AdultRestorativeForm&patient_dob=02/03/1984',
        });
        const answer = (await response.json());
        await sandbox.submit(answer.urn);
        urns.push(answer.urn);
    }
    return urns;
}
/** The sandbox's real batch answer for the practice (read directly, not through the node). */
async function batchAnswer(sandbox, practice) {
    const response = await fetch(`${sandbox.baseUrl}batch_referral_status?count=100`, {
        headers: { Authorization: `Token token=${sandbox.practices[practice].apiKey}` },
    });
    return (await response.json());
}
/**
 * Makes the next batch_referral_status answer the real one with some referrals' files replaced
 * (e.g. [] while the API is still exporting the PDFs: the sandbox makes them at once).
 */
async function nextBatchWithFiles(sandbox, practice, files) {
    const answer = await batchAnswer(sandbox, practice);
    for (const referral of answer.referral_data) {
        const urn = String(referral.referral_urn);
        if (files[urn])
            referral.referral_files = files[urn];
    }
    sandbox.addFault({ kind: 'status', status: 200, path: exports.BATCH_PATH, body: JSON.stringify(answer) });
}
const json = (output) => (output ?? []).map((item) => item.json);
exports.json = json;
const eventsOf = (output) => (0, exports.json)(output).map((item) => `${String(item.event)}:${String(item.urn ?? '')}`);
exports.eventsOf = eventsOf;
/** The API key must not appear anywhere in what the trigger emitted. */
function expectNoKey(sandbox, practice, ...outputs) {
    const key = sandbox.practices[practice].apiKey;
    for (const output of outputs)
        expect((0, key_forms_1.findKey)(JSON.stringify(output ?? null), key)).toEqual([]);
}
//# sourceMappingURL=helpers.js.map