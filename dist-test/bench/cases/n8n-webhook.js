"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.n8nWebhookCase = n8nWebhookCase;
/**
 * Case 4 (real n8n): the Dental Referrals Trigger activated in the e2e stage's n8n; N
 * notifications POSTed at once to its production URL; every one must become an execution.
 */
const node_crypto_1 = require("node:crypto");
const trigger_url_1 = require("../../nodes/shared/trigger-url");
const run_workflow_1 = require("../../test/harness/run-workflow");
const notifications_1 = require("../notifications");
const results_1 = require("../results");
const TRIGGER = 'Dental Referrals Trigger';
const WAIT_MS = 180_000;
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
/** Every execution of the workflow (public API, cursor pages of 250), bounded. */
async function allExecutions(stack, workflowId) {
    const executions = [];
    let cursor;
    for (let page = 0; page < 100; page++) {
        const query = `workflowId=${workflowId}&includeData=true&limit=250${cursor ? `&cursor=${cursor}` : ''}`;
        const answer = await stack.api.api('GET', `/executions?${query}`);
        executions.push(...answer.data);
        if (!answer.nextCursor)
            break;
        cursor = answer.nextCursor;
    }
    return executions;
}
async function n8nWebhookCase(result, config, stack) {
    const { api, credential } = stack;
    const workflow = await api.createWorkflow({
        name: 'bench: files-ready notifications',
        nodes: [
            {
                name: TRIGGER,
                type: `${run_workflow_1.PACKAGE}.dentalReferralsTrigger`,
                typeVersion: 1,
                position: [0, 0],
                parameters: { options: {} },
                webhookId: (0, node_crypto_1.randomUUID)(),
                credentials: { [credential.type]: { id: credential.id, name: credential.name } },
            },
        ],
        connections: {},
        settings: { executionOrder: 'v1' },
    });
    await api.activateWorkflow(workflow.id);
    try {
        // The trigger's production URL, as Prepare Form derives it (token included).
        const url = (0, trigger_url_1.triggerUrl)(`${stack.n8n.baseUrl}/webhook`, workflow.id, await api.instanceId());
        const path = url.slice(url.indexOf('/webhook/') + '/webhook/'.length);
        // Registration finishes after activate returns: a malformed probe answers 400 (no execution) once it is live.
        await api.waitForWebhook(path, {
            method: 'POST',
            body: '[]',
            headers: { 'content-type': 'application/json' },
        });
        const sent = (0, notifications_1.urns)(config.notifications, 'N8N');
        const deliveries = await (0, notifications_1.deliverAll)(url, sent, stack.sandbox.origin);
        const deadline = Date.now() + WAIT_MS;
        let executions = [];
        let notReady = 0;
        for (;;) {
            // Under such a burst n8n on SQLite can briefly answer 503 "Database is not ready!"
            // (its database health check timed out): wait and ask again, and report it.
            const listed = await allExecutions(stack, workflow.id).catch((error) => error);
            if (listed instanceof Error) {
                if (listed.status !== 503 || Date.now() > deadline)
                    throw listed;
                notReady++;
                await sleep(2000);
                continue;
            }
            executions = listed;
            const finished = executions.filter((execution) => !['new', 'running', 'waiting'].includes(execution.status));
            if (finished.length >= sent.length || Date.now() > deadline)
                break;
            await sleep(1000);
        }
        const emitted = executions.map((execution) => {
            const item = execution.data?.resultData.runData[TRIGGER]?.[0]?.data?.main?.[0]?.[0]?.json;
            return String(item?.urn ?? '');
        });
        const figures = (0, notifications_1.notificationFigures)(deliveries, emitted);
        Object.assign(result.figures, figures, {
            executions_not_success: executions.filter((execution) => execution.status !== 'success').length,
            n8n_database_not_ready_answers: notReady,
        });
        result.checks.push((0, results_1.check)('notifications lost', figures.lost, '<=', 0));
        result.notes.push(`Real n8n ${stack.toolchain.n8nVersion} (regular mode, SQLite), workflow activated through the public API; URL and token derived as Prepare Form derives them.`, `${config.notifications} POSTs sent at once (one connection each) to /webhook/…; acknowledgement = time until n8n’s answer ended, measured by the sender.`, 'Executions counted through the public API (includeData) until all had finished or 180 s passed; every URN distinct; trigger options at their defaults.');
    }
    finally {
        await api.deactivateWorkflow(workflow.id).catch(() => undefined);
    }
}
//# sourceMappingURL=n8n-webhook.js.map