"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.n8nAcknowledgementCase = n8nAcknowledgementCase;
/**
 * Case 5 (real n8n): how fast the Dental Referrals Trigger acknowledges a notification,
 * against n8n's own Webhook node at typeVersion 1 — which, like every community trigger,
 * takes n8n's expression-engine path for each call (the editor's default 2.1 skips it) — in
 * the same n8n, under its default expression engine, the same number of concurrent POSTs each,
 * rounds interleaved so that both see the same machine.
 */
const node_crypto_1 = require("node:crypto");
const trigger_url_1 = require("../../nodes/shared/trigger-url");
const run_workflow_1 = require("../../test/harness/run-workflow");
const measure_1 = require("../measure");
const notifications_1 = require("../notifications");
const results_1 = require("../results");
/** The target of the exactly-once issue: at most 1.3× the Webhook node's acknowledgement time. */
const MAX_RATIO = 1.3;
/** n8n's own readiness (database included), bounded: an earlier burst may still be settling. */
async function ready(stack) {
    const deadline = Date.now() + 120_000;
    for (;;) {
        const status = await fetch(`${stack.n8n.baseUrl}/healthz/readiness`).then((response) => response.status, () => 0);
        if (status === 200)
            return;
        if (Date.now() > deadline)
            throw new Error('n8n did not report ready within 120 s');
        await new Promise((resolve) => setTimeout(resolve, 1000));
    }
}
async function n8nAcknowledgementCase(result, config, stack) {
    const { api, credential } = stack;
    await ready(stack);
    const concurrency = config.short ? 20 : 50;
    const rounds = config.short ? 1 : 3;
    const webhookPath = (0, node_crypto_1.randomUUID)();
    const webhookNode = await api.createWorkflow({
        name: 'bench: Webhook node v1',
        nodes: [
            {
                name: 'Webhook',
                type: 'n8n-nodes-base.webhook',
                typeVersion: 1,
                position: [0, 0],
                webhookId: (0, node_crypto_1.randomUUID)(),
                parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {} },
            },
        ],
        connections: {},
        settings: { executionOrder: 'v1' },
    });
    const trigger = await api.createWorkflow({
        name: 'bench: Dental Referrals Trigger acknowledgement',
        nodes: [
            {
                name: 'Dental Referrals Trigger',
                type: `${run_workflow_1.PACKAGE}.dentalReferralsTrigger`,
                typeVersion: 1,
                position: [0, 0],
                webhookId: (0, node_crypto_1.randomUUID)(),
                parameters: { options: {} },
                credentials: { [credential.type]: { id: credential.id, name: credential.name } },
            },
        ],
        connections: {},
        settings: { executionOrder: 'v1' },
    });
    await api.activateWorkflow(webhookNode.id);
    await api.activateWorkflow(trigger.id);
    try {
        const webhookUrl = `${stack.n8n.baseUrl}/webhook/${webhookPath}`;
        const url = (0, trigger_url_1.triggerUrl)(`${stack.n8n.baseUrl}/webhook`, trigger.id, await api.instanceId());
        const probe = { method: 'POST', body: '[]', headers: { 'content-type': 'application/json' } };
        await api.waitForWebhook(webhookPath, probe);
        await api.waitForWebhook(url.slice(url.indexOf('/webhook/') + '/webhook/'.length), probe);
        const times = { webhook: [], trigger: [] };
        let refused = 0;
        for (let round = 0; round < rounds; round++) {
            // Alternate which goes first, so that neither always meets a busier n8n.
            const order = round % 2 ? ['trigger', 'webhook'] : ['webhook', 'trigger'];
            for (const which of order) {
                const sent = (0, notifications_1.urns)(concurrency, `A${round}${which === 'trigger' ? 'T' : 'W'}`);
                const deliveries = await (0, notifications_1.deliverAll)(which === 'trigger' ? url : webhookUrl, sent, stack.sandbox.origin);
                refused += deliveries.filter((delivery) => delivery.status !== 200).length;
                times[which].push(...deliveries.map((delivery) => delivery.ms));
                // Let the executions of this burst drain before the next one.
                await new Promise((resolve) => setTimeout(resolve, config.short ? 2_000 : 10_000));
            }
        }
        const p50 = { webhook: (0, measure_1.percentile)(times.webhook, 50), trigger: (0, measure_1.percentile)(times.trigger, 50) };
        const p95 = { webhook: (0, measure_1.percentile)(times.webhook, 95), trigger: (0, measure_1.percentile)(times.trigger, 95) };
        Object.assign(result.figures, {
            concurrency,
            rounds,
            webhook_v1_ack_p50_ms: Number(p50.webhook.toFixed(1)),
            trigger_ack_p50_ms: Number(p50.trigger.toFixed(1)),
            webhook_v1_ack_p95_ms: Number(p95.webhook.toFixed(1)),
            trigger_ack_p95_ms: Number(p95.trigger.toFixed(1)),
            ratio_p50: Number((p50.trigger / p50.webhook).toFixed(2)),
            ratio_p95: Number((p95.trigger / p95.webhook).toFixed(2)),
            not_200: refused,
        });
        result.checks.push((0, results_1.check)('trigger ÷ Webhook v1 acknowledgement, p50', p50.trigger / p50.webhook, '<=', MAX_RATIO));
        result.checks.push((0, results_1.check)('answers other than 200', refused, '<=', 0));
        result.notes.push(`Real n8n ${stack.toolchain.n8nVersion}, regular mode, SQLite, default expression engine (N8N_EXPRESSION_ENGINE unset).`, `${rounds} round(s) of ${concurrency} POSTs at once to each workflow, interleaved; acknowledgement = time until n8n’s answer ended, measured by the sender.`, 'Trigger at its defaults (token required, Skip Duplicates on, no download, no verification); Webhook node v1, POST, respond immediately.');
    }
    finally {
        await api.deactivateWorkflow(webhookNode.id).catch(() => undefined);
        await api.deactivateWorkflow(trigger.id).catch(() => undefined);
    }
}
//# sourceMappingURL=n8n-acknowledgement.js.map