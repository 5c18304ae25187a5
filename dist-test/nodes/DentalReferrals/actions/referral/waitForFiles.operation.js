"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = exports.OPERATION = exports.waitWebhooks = void 0;
exports.prepare = prepare;
exports.resume = resume;
const n8n_workflow_1 = require("n8n-workflow");
const deliveries_1 = require("../../../shared/deliveries");
const webhook_answers_1 = require("../../../shared/webhook-answers");
const input_error_1 = require("../../helpers/input-error");
const parameters_1 = require("../../helpers/parameters");
const node_of_1 = require("../../../shared/node-of");
/**
 * Wait for PDFs suspends the execution (an n8n waiting execution, like the Wait node and
 * the send-and-wait operations) until the API's files-ready notification for the URN arrives
 * at this execution's resume URL ($execution.resumeUrl, which Prepare Form / Save Draft send
 * when their Files Ready Notification is "Wait for PDFs in This Execution").
 *
 * n8n answers the resume URL itself and checks its `signature` token; a call that is not
 * the expected notification gets an error answer and the execution keeps waiting. When the
 * wait limit passes, n8n resumes the node disabled and it passes on its input, which this
 * operation has set to the timeout outcome `{ urn, files: [], timedOut: true }`.
 */
/** The resume webhook: no remote registration exists (restartWebhook), so no lifecycle methods. */
exports.waitWebhooks = [
    {
        name: 'default',
        httpMethod: 'POST',
        responseMode: 'onReceived',
        responseData: '',
        path: '',
        restartWebhook: true,
    },
];
exports.OPERATION = 'waitForFiles';
const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };
const MAX_WAIT_MS = 3650 * UNIT_MS.days;
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['referral'], operation: [exports.OPERATION] } }, [
    {
        displayName: 'In Prepare Form or Save Draft earlier in this workflow, set Files Ready Notification to "Wait for PDFs in This Execution". This node then waits for that referral to be submitted and its PDFs to exist.',
        name: 'waitNotice',
        type: 'notice',
        default: '',
    },
    {
        displayName: 'URN',
        name: 'urn',
        type: 'string',
        default: '={{ $json.urn }}',
        required: true,
        description: 'URN of the referral to wait for, as returned by Prepare Form or Save Draft',
    },
    {
        displayName: 'Wait Limit',
        name: 'waitLimit',
        type: 'number',
        typeOptions: { minValue: 1 },
        default: 7,
        description: 'How long to wait for the PDFs; then the node outputs the URN with timedOut: true',
    },
    {
        displayName: 'Wait Limit Unit',
        name: 'waitLimitUnit',
        type: 'options',
        options: [
            { name: 'Minutes', value: 'minutes' },
            { name: 'Hours', value: 'hours' },
            { name: 'Days', value: 'days' },
        ],
        default: 'days',
    },
    {
        displayName: 'Download Files',
        name: 'downloadFiles',
        type: 'boolean',
        default: true,
        description: "Whether to download each PDF (only from the credential's API origin) into binary properties file_0, file_1, … in the order of files",
    },
]);
async function prepare(itemIndex) {
    const node = (0, node_of_1.nodeOf)(this);
    const items = this.getInputData();
    if (items.length !== 1) {
        throw (0, input_error_1.inputError)(node, itemIndex, 'URN', `Wait for PDFs waits for one referral per execution, and this run has ${items.length} items`, 'n8n gives an execution one resume URL. Process referrals one at a time (Loop Over Items with batch size 1) or use the Dental Referrals Trigger.');
    }
    const urn = parameters_1.urnParameter.call(this, itemIndex);
    const amount = parameters_1.numberParameter.call(this, 'waitLimit', itemIndex, 'Wait Limit', 7);
    const unit = parameters_1.textParameter.call(this, 'waitLimitUnit', itemIndex, 'Wait Limit Unit', 'days');
    if (!UNIT_MS[unit])
        throw (0, input_error_1.inputError)(node, itemIndex, 'Wait Limit Unit', `"${unit}" is not one of minutes, hours, days`);
    const limitMs = amount * UNIT_MS[unit];
    if (limitMs <= 0 || limitMs > MAX_WAIT_MS) {
        throw (0, input_error_1.inputError)(node, itemIndex, 'Wait Limit', `must be more than 0 and at most 3650 days, got ${amount} ${unit}`);
    }
    return async () => {
        const outcomeOnTimeout = { json: { urn, files: [], timedOut: true }, pairedItem: { item: itemIndex } };
        // What n8n passes on if the limit passes first (the node then runs disabled).
        this.getExecuteData().data.main[0] = [outcomeOnTimeout];
        const waitTill = new Date(Date.now() + limitMs);
        await this.putExecutionToWait(waitTill);
        return [{ json: { urn, waitingUntil: waitTill.toISOString() } }];
    };
}
/**
 * The resume call: only the expected notification ends the wait; anything else is refused.
 *
 * n8n answers a retry of a resumed execution 409 itself, so the API must not need one: the
 * notification is answered 200 once accepted — at once, or at ACK_DEADLINE_MS if the PDFs
 * are still downloading (they are then fetched after the answer; a download that fails after
 * it resumes the execution with `downloadError` rather than leaving it waiting for a retry
 * that n8n would refuse). A download that fails in time answers 503 and keeps waiting, so
 * the API retries. Simultaneous deliveries resume the execution once.
 */
async function resume() {
    const parsed = webhook_answers_1.readNotification.call(this);
    if (!parsed.ok)
        return webhook_answers_1.refuse.call(this, 400, `Not a files-ready notification: ${parsed.problem}`);
    const { urn, files } = parsed.notification;
    const expected = String(this.getNodeParameter('urn', '') ?? '').trim();
    if (urn !== expected)
        return webhook_answers_1.refuse.call(this, 409, `This execution waits for referral ${expected}, not ${urn}`);
    const claimed = (0, deliveries_1.claim)(`wait\u0000${this.getExecutionId()}`);
    if (claimed.kind === 'delivered')
        return webhook_answers_1.answer.call(this, { ok: true }, 'Already received');
    if (claimed.kind === 'inFlight') {
        const outcome = await (0, deliveries_1.withinDeadline)(claimed.outcome, webhook_answers_1.ACK_DEADLINE_MS);
        return webhook_answers_1.answer.call(this, outcome ?? { ok: true }, 'Already received');
    }
    const json = { urn, files, timedOut: false };
    if (!this.getNodeParameter('downloadFiles', true)) {
        claimed.settle({ ok: true });
        webhook_answers_1.acknowledge.call(this);
        return { noWebhookResponse: true, workflowData: [[{ json, pairedItem: { item: 0 } }]] };
    }
    const download = webhook_answers_1.fetchNotifiedPdfs.call(this, urn, files);
    const early = await (0, deliveries_1.withinDeadline)(download, webhook_answers_1.ACK_DEADLINE_MS);
    if (early && !early.ok) {
        claimed.settle(early);
        return webhook_answers_1.refuse.call(this, early.status, early.message);
    }
    webhook_answers_1.acknowledge.call(this);
    const pdfs = early ?? (await download);
    claimed.settle({ ok: true });
    const item = pdfs.ok
        ? { json, binary: pdfs.binary, pairedItem: { item: 0 } }
        : { json: { ...json, downloadError: pdfs.message }, pairedItem: { item: 0 } };
    return { noWebhookResponse: true, workflowData: [[item]] };
}
//# sourceMappingURL=waitForFiles.operation.js.map