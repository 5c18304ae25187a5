/**
 * Case 4 (harness variant): the trigger activated through our engine harness
 * (tools/engine/webhook-server.ts: n8n-core's HookContext / WebhookContext / WorkflowExecute
 * behind a node:http server, not n8n's own webhook server), N notifications at once.
 */

import { triggerUrl } from '../../tools/product';
import { instanceId, PACKAGE } from '../../tools/engine/run-workflow';
import { activateWorkflow } from '../../tools/engine/webhook-server';
import type { BenchConfig } from '../../tools/bench/config';
import { check, type CaseResult } from '../../tools/bench/results';
import { deliverAll, notificationFigures, urns } from '../../tools/bench/notifications';
import type { SandboxProcess } from '../../tools/bench/sandbox-process';
import { sandboxCredential } from '../../tools/bench/workflows';

const TRIGGER = 'Dental Referrals Trigger';

export async function webhookHarnessCase(result: CaseResult, config: BenchConfig, sandbox: SandboxProcess) {
	const active = await activateWorkflow({
		nodes: [],
		trigger: { name: TRIGGER, type: `${PACKAGE}.dentalReferralsTrigger`, parameters: { options: {} } },
		credentials: sandboxCredential(sandbox.baseUrl, sandbox.apiKey),
	});
	try {
		// The URL Prepare Form would send.
		const url = triggerUrl(`${active.baseUrl}/webhook`, active.workflowId, instanceId());
		const sent = urns(config.notifications, 'HAR');
		const deliveries = await deliverAll(url, sent, sandbox.origin);
		await active.waitForExecutions(sent.length, 60_000).catch(() => undefined);
		const emitted = active.executions.map((execution) =>
			String(execution.output(TRIGGER)[0]?.json.urn ?? ''),
		);
		const figures = notificationFigures(deliveries, emitted);
		Object.assign(result.figures, figures);
		result.checks.push(check('notifications lost', figures.lost, '<=', 0));
		result.notes.push(
			'HARNESS, not real n8n: our engine harness stands in for n8n’s webhook server (a plain node:http server, no express, no database).',
			`${config.notifications} POSTs sent at once (one connection each); acknowledgement = time until the answer ended, measured by the sender.`,
			'Trigger options: defaults (token required, Skip Duplicates on, no download, no verification); every URN distinct.',
		);
	} finally {
		await active.deactivate();
	}
}
