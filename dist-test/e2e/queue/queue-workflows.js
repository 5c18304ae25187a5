"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WAIT = exports.TRIGGER = exports.ACTION = exports.START = void 0;
exports.actionWorkflow = actionWorkflow;
exports.triggerWorkflow = triggerWorkflow;
exports.waitWorkflow = waitWorkflow;
exports.listFormsWorkflow = listFormsWorkflow;
/**
 * Production workflows for the queue-mode stage. Each starts at a Webhook node (or the
 * Dental Referrals Trigger), so its executions are production executions: the webhook
 * processor receives the call and enqueues it, a worker runs it.
 */
const node_crypto_1 = require("node:crypto");
exports.START = 'Start';
/** A POST Webhook node answering at once (the execution is queued, not awaited). */
function webhookStart(path) {
    return {
        name: exports.START,
        type: 'n8n-nodes-base.webhook',
        typeVersion: 2,
        position: [0, 0],
        webhookId: (0, node_crypto_1.randomUUID)(),
        parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
    };
}
function dentalNode(context, name, x, parameters, extra = {}) {
    return {
        name,
        type: `${context.packageName}.dentalReferrals`,
        typeVersion: 1,
        position: [x, 0],
        parameters,
        credentials: { [context.credential.type]: { id: context.credential.id, name: context.credential.name } },
        ...extra,
    };
}
/** Connects the nodes in a line, first to last. */
function chain(...names) {
    const connections = {};
    for (let i = 0; i + 1 < names.length; i++) {
        connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
    }
    return connections;
}
/** Upload Files of every binary property the item carries (file_0, file_1, … or scan, letter). */
const EVERY_BINARY = '={{ Object.keys($binary).join(",") }}';
exports.ACTION = {
    letter: 'Letter to File',
    download: 'Download PDF',
    upload: 'Upload Files',
    prepare: 'Prepare Form',
};
/**
 * Webhook `{ documentUrl, letterBase64 }` → Convert to File (an RTF letter made by n8n's
 * own node) → Download PDF (`scan`) → Upload Files (`scan`, `letter`) → Prepare Form with
 * the file upload id.
 */
function actionWorkflow(context, path) {
    return {
        name: 'queue e2e: download + upload on the worker',
        nodes: [
            webhookStart(path),
            {
                name: exports.ACTION.letter,
                type: 'n8n-nodes-base.convertToFile',
                typeVersion: 1.1,
                position: [220, 0],
                parameters: {
                    operation: 'toBinary',
                    sourceProperty: 'body.letterBase64',
                    binaryPropertyName: 'letter',
                    options: { fileName: 'referral-letter.rtf', mimeType: 'text/rtf' },
                },
            },
            dentalNode(context, exports.ACTION.download, 440, {
                resource: 'document',
                operation: 'download',
                documentUrl: `={{ $('${exports.START}').first().json.body.documentUrl }}`,
                binaryPropertyName: 'scan',
            }),
            dentalNode(context, exports.ACTION.upload, 660, {
                resource: 'fileUpload',
                operation: 'upload',
                binaryPropertyName: 'scan, letter',
                uploadKind: 'other',
            }),
            dentalNode(context, exports.ACTION.prepare, 880, {
                resource: 'form',
                operation: 'prepare',
                formType: context.formType,
                patientDob: '1980-01-31',
                additionalFields: {
                    patientFirstName: 'Queue',
                    patientLastName: 'Worker',
                    fileuploadId: '={{ $json.fileupload_id }}',
                },
            }),
        ],
        connections: chain(exports.START, exports.ACTION.letter, exports.ACTION.download, exports.ACTION.upload, exports.ACTION.prepare),
        settings: { executionOrder: 'v1' },
    };
}
exports.TRIGGER = {
    prepare: 'Prepare Form',
    trigger: 'Dental Referrals Trigger',
    upload: 'Upload the PDFs',
};
/**
 * Two entry points in one workflow: Webhook → Prepare Form, and Dental Referrals Trigger
 * (Download Files) → Upload Files of the PDFs it received (read back from the database on
 * the worker).
 */
function triggerWorkflow(context, path, notifyBy) {
    const additionalFields = { patientFirstName: 'Queue', patientLastName: 'Trigger' };
    if (notifyBy === 'url')
        additionalFields.filesReadyWebhookUrl = `={{ $('${exports.START}').first().json.body.notifyUrl }}`;
    return {
        name: `queue e2e: files-ready trigger (${notifyBy})`,
        nodes: [
            webhookStart(path),
            dentalNode(context, exports.TRIGGER.prepare, 220, {
                resource: 'form',
                operation: 'prepare',
                formType: context.formType,
                patientDob: '1975-06-15',
                additionalFields,
                filesReadyNotification: notifyBy,
            }),
            {
                name: exports.TRIGGER.trigger,
                type: `${context.packageName}.dentalReferralsTrigger`,
                typeVersion: 1,
                position: [0, 220],
                webhookId: (0, node_crypto_1.randomUUID)(),
                parameters: { options: { downloadFiles: true } },
                credentials: {
                    [context.credential.type]: { id: context.credential.id, name: context.credential.name },
                },
            },
            {
                ...dentalNode(context, exports.TRIGGER.upload, 220, {
                    resource: 'fileUpload',
                    operation: 'upload',
                    binaryPropertyName: EVERY_BINARY,
                    uploadKind: 'other',
                }),
                position: [220, 220],
            },
        ],
        connections: { ...chain(exports.START, exports.TRIGGER.prepare), ...chain(exports.TRIGGER.trigger, exports.TRIGGER.upload) },
        settings: { executionOrder: 'v1' },
    };
}
exports.WAIT = {
    prepare: 'Prepare Form',
    wait: 'Wait for PDFs',
    upload: 'Upload the PDFs',
};
/** Webhook → Prepare Form (notification to this execution) → Wait for PDFs → Upload Files of the PDFs. */
function waitWorkflow(context, path) {
    return {
        name: 'queue e2e: Wait for PDFs',
        nodes: [
            webhookStart(path),
            dentalNode(context, exports.WAIT.prepare, 220, {
                resource: 'form',
                operation: 'prepare',
                formType: context.formType,
                patientDob: '1990-12-01',
                additionalFields: { patientFirstName: 'Queue', patientLastName: 'Wait' },
                filesReadyNotification: 'wait',
            }),
            dentalNode(context, exports.WAIT.wait, 440, {
                resource: 'referral',
                operation: 'waitForFiles',
                urn: '={{ $json.urn }}',
                waitLimit: 1,
                waitLimitUnit: 'hours',
                downloadFiles: true,
            }, { webhookId: (0, node_crypto_1.randomUUID)() }),
            dentalNode(context, exports.WAIT.upload, 660, {
                resource: 'fileUpload',
                operation: 'upload',
                binaryPropertyName: EVERY_BINARY,
                uploadKind: 'other',
            }),
        ],
        connections: chain(exports.START, exports.WAIT.prepare, exports.WAIT.wait, exports.WAIT.upload),
        settings: { executionOrder: 'v1' },
    };
}
/** Webhook → Dental Referrals List Available Forms: the smallest workflow a worker needs the package for. */
function listFormsWorkflow(context, path) {
    return {
        name: 'queue e2e: list forms',
        nodes: [
            webhookStart(path),
            dentalNode(context, 'List Available Forms', 220, { resource: 'form', operation: 'getTypes' }),
        ],
        connections: chain(exports.START, 'List Available Forms'),
        settings: { executionOrder: 'v1' },
    };
}
//# sourceMappingURL=queue-workflows.js.map