"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ACK_DEADLINE_MS = void 0;
exports.refuse = refuse;
exports.acknowledge = acknowledge;
exports.answer = answer;
exports.readNotification = readNotification;
exports.fetchNotifiedPdfs = fetchNotifiedPdfs;
const notification_1 = require("./notification");
const pdf_files_1 = require("./pdf-files");
/**
 * What the files-ready webhooks (the trigger and Wait for PDFs' resume URL) share: reading
 * the notification, answering the API, and fetching the PDFs so that a failure can be
 * answered non-200 and the API retries later (1 h, 4 h, 1 day).
 */
/**
 * How long a delivery may take before the API gets its answer. The API's own timeout is
 * not documented; n8n and the network add their share, so the node's work stops well
 * inside 5 seconds and anything slower (a large or slow PDF download) goes on after the
 * answer.
 */
exports.ACK_DEADLINE_MS = 3_500;
/** Answers the caller (once); no workflow starts and a waiting execution keeps waiting. */
function refuse(status, message) {
    const response = this.getResponseObject();
    if (!response.headersSent)
        response.status(status).json({ status: 'error', message });
    return { noWebhookResponse: true };
}
/**
 * Answers 200 (once) with the small JSON the API expects — it only reads the status.
 * Answering here rather than through n8n's "onReceived" answer also makes n8n save the
 * trigger's static data before it starts the execution: n8n 2.x saves it in the answer
 * callback, which for "onReceived" runs only after the new execution has reset the data's
 * changed flag.
 */
function acknowledge(message) {
    const response = this.getResponseObject();
    if (!response.headersSent) {
        response.status(200).json({ status: 'success', ...(message ? { message } : {}) });
    }
}
/** Answers a delivery's outcome: 200, or its refusal. */
function answer(outcome, message) {
    if (!outcome.ok)
        return refuse.call(this, outcome.status, outcome.message);
    acknowledge.call(this, message);
    return { noWebhookResponse: true };
}
/** The notification in the request: n8n parses JSON bodies; other content types leave the raw body. */
function readNotification() {
    const request = this.getRequestObject();
    const body = request.body;
    const parsedBody = body && typeof body === 'object' && Object.keys(body).length === 0 ? undefined : body;
    return (0, notification_1.parseNotification)(parsedBody ?? request.rawBody);
}
/**
 * Every URL is checked against the credential's origin before the first download (a
 * foreign one is the caller's fault: 400); a failed download is not (503: retry later).
 * Never throws.
 */
async function fetchNotifiedPdfs(urn, files) {
    const locations = await pdf_files_1.checkPdfUrls.call(this, files, 'files').catch((error) => error);
    if (locations instanceof Error)
        return { ok: false, status: 400, message: locations.message };
    try {
        return { ok: true, binary: await pdf_files_1.downloadPdfs.call(this, locations) };
    }
    catch (error) {
        return {
            ok: false,
            status: 503,
            message: `Could not download the PDFs of ${urn} now: ${error.message}`,
        };
    }
}
//# sourceMappingURL=webhook-answers.js.map