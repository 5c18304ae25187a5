"use strict";
/**
 * Case 4 (harness variant): the trigger activated through our engine harness
 * (test/harness/webhook-server.ts: n8n-core's HookContext / WebhookContext / WorkflowExecute
 * behind a node:http server, not n8n's own webhook server), N notifications at once.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.webhookHarnessCase = webhookHarnessCase;
const trigger_url_1 = require("../../nodes/shared/trigger-url");
const run_workflow_1 = require("../../test/harness/run-workflow");
const webhook_server_1 = require("../../test/harness/webhook-server");
const results_1 = require("../results");
const notifications_1 = require("../notifications");
const workflows_1 = require("../workflows");
const TRIGGER = 'Dental Referrals Trigger';
async function webhookHarnessCase(result, config, sandbox) {
    const active = await (0, webhook_server_1.activateWorkflow)({
        nodes: [],
        trigger: { name: TRIGGER, type: `${run_workflow_1.PACKAGE}.dentalReferralsTrigger`, parameters: { options: {} } },
        credentials: (0, workflows_1.sandboxCredential)(sandbox.baseUrl, sandbox.apiKey),
    });
    try {
        // The URL Prepare Form would send.
        const url = (0, trigger_url_1.triggerUrl)(`${active.baseUrl}/webhook`, active.workflowId, (0, run_workflow_1.instanceId)());
        const sent = (0, notifications_1.urns)(config.notifications, 'HAR');
        const deliveries = await (0, notifications_1.deliverAll)(url, sent, sandbox.origin);
        await active.waitForExecutions(sent.length, 60_000).catch(() => undefined);
        const emitted = active.executions.map((execution) => String(execution.output(TRIGGER)[0]?.json.urn ?? ''));
        const figures = (0, notifications_1.notificationFigures)(deliveries, emitted);
        Object.assign(result.figures, figures);
        result.checks.push((0, results_1.check)('notifications lost', figures.lost, '<=', 0));
        result.notes.push('HARNESS, not real n8n: our engine harness stands in for n8n’s webhook server (a plain node:http server, no express, no database).', `${config.notifications} POSTs sent at once (one connection each); acknowledgement = time until the answer ended, measured by the sender.`, 'Trigger options: defaults (token required, Skip Duplicates on, no download, no verification); every URN distinct.');
    }
    finally {
        await active.deactivate();
    }
}
//# sourceMappingURL=webhook-harness.js.map