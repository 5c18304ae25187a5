"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.notificationFields = void 0;
exports.notificationUrl = notificationUrl;
const trigger_url_1 = require("../../shared/trigger-url");
const waitForFiles_operation_1 = require("../actions/referral/waitForFiles.operation");
const input_error_1 = require("../helpers/input-error");
const parameters_1 = require("../helpers/parameters");
const node_of_1 = require("../../shared/node-of");
/**
 * Where the API sends the files-ready notification of a prepared form or draft. Choosing a
 * Dental Referrals Trigger of this workflow sends its production URL, secret token included,
 * derived here exactly as the trigger checks it — nothing to copy or paste.
 */
exports.notificationFields = [
    {
        displayName: 'Files Ready Notification',
        name: 'filesReadyNotification',
        type: 'options',
        options: [
            {
                name: 'Dental Referrals Trigger of This Workflow',
                value: 'trigger',
                description: "Send the production URL of this workflow's Dental Referrals Trigger (same credential; the workflow must be active to receive it)",
            },
            {
                name: 'Wait for PDFs in This Execution',
                value: 'wait',
                description: "Send this execution's resume URL, for a Dental Referrals Wait for PDFs node later in this workflow",
            },
            {
                name: 'URL From Additional Fields (or None)',
                value: 'url',
                description: 'Send Additional Fields → Files Ready Webhook URL if it is set, otherwise nothing',
            },
        ],
        default: 'url',
        description: 'Where the API POSTs {"urn", "files"} once the referral is submitted and its PDFs exist',
    },
];
/** The files_ready_webhook_url for item `itemIndex`, or undefined to leave the form's own value. */
async function notificationUrl(itemIndex, pastedUrl) {
    const target = parameters_1.textParameter.call(this, 'filesReadyNotification', itemIndex, 'Files Ready Notification', 'url');
    if (target === 'url')
        return undefined;
    const node = (0, node_of_1.nodeOf)(this);
    const field = 'Files Ready Notification';
    if (target !== 'trigger' && target !== 'wait') {
        throw (0, input_error_1.inputError)(node, itemIndex, field, `"${target}" is not a known choice`);
    }
    if (pastedUrl) {
        throw (0, input_error_1.inputError)(node, itemIndex, 'Files Ready Webhook URL', `must be empty when Files Ready Notification is "${target}"`);
    }
    if (target === 'wait')
        return resumeUrl.call(this, itemIndex);
    return triggerNotificationUrl.call(this, itemIndex);
}
/** The production URL of this workflow's Dental Referrals Trigger, token included. */
function triggerNotificationUrl(itemIndex) {
    const node = (0, node_of_1.nodeOf)(this);
    const field = 'Files Ready Notification';
    const workflowId = this.getWorkflow().id;
    if (!workflowId)
        throw (0, input_error_1.inputError)(node, itemIndex, field, 'save the workflow first: the trigger URL contains its id');
    const base = (0, trigger_url_1.webhookBaseFromResumeUrl)(String(this.evaluateExpression('{{ $execution.resumeUrl }}', itemIndex)));
    if (!base) {
        throw (0, input_error_1.inputError)(node, itemIndex, field, "cannot tell this n8n's webhook address (its webhook endpoints are renamed)", "Paste the Dental Referrals Trigger's production URL into Additional Fields → Files Ready Webhook URL instead.");
    }
    return (0, trigger_url_1.triggerUrl)(base, workflowId, this.getInstanceId());
}
/**
 * The resume URL of this execution. n8n gives one per execution, the same for every node
 * that waits in it ($execution.resumeUrl: webhook-waiting base, honouring WEBHOOK_URL, plus
 * the execution id and its signature token), so an earlier node can hand it out.
 */
function resumeUrl(itemIndex) {
    const node = (0, node_of_1.nodeOf)(this);
    const waits = this.getChildNodes(node.name, { includeNodeParameters: true }).filter((child) => child.type === node.type &&
        !child.disabled &&
        child.parameters?.resource === 'referral' &&
        child.parameters?.operation === waitForFiles_operation_1.OPERATION);
    if (waits.length === 0) {
        throw (0, input_error_1.inputError)(node, itemIndex, 'Files Ready Notification', 'no Dental Referrals "Wait for PDFs" node follows this node', 'Add a Dental Referrals node with Resource Referral and Operation Wait for PDFs after this one.');
    }
    return String(this.evaluateExpression('{{ $execution.resumeUrl }}', itemIndex));
}
//# sourceMappingURL=notification.fields.js.map