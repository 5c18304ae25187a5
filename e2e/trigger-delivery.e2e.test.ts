/**
 * The Dental Referrals Trigger's promise inside a real n8n: each referral's PDFs start one
 * execution, however often and however simultaneously the API delivers the notification, and
 * none is lost — through API key rotation, slow downloads and n8n being killed mid-download.
 *
 * This suite runs its own stack (sandbox + n8n) because one test kills and restarts n8n. The
 * sandbox's retry schedule (1 h, 4 h, 1 day) is scaled by 0.01: 36 s, 144 s, 864 s.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';

import type { Sandbox, SubmittedReferral } from '../tools/sandbox';
import { REPO_ROOT } from '../tools/n8n/install-package';
import { nodeOutput, type Execution, type N8nApi } from '../tools/n8n/n8n-api';
import { startN8n, type N8nProcess } from '../tools/n8n/n8n-process';
import { startStack, type Stack } from '../tools/n8n/stack';
import { MANUAL_TRIGGER, manualTriggerNode } from '../tools/n8n/workflow-builder';

const TRIGGER = 'Dental Referrals Trigger';
const PREPARE = 'Prepare Form';
const RETRY_SCALE = 0.01;

let stack: Stack;
let sandbox: Sandbox;
let api: N8nApi;
let n8n: N8nProcess;
let workflowId: string;
/** The trigger URL Prepare Form sent with every referral (token included). */
let triggerUrl: string;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function post(url: string, body: unknown) {
	const started = Date.now();
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(30_000),
	});
	return { status: response.status, body: await response.text(), ms: Date.now() - started };
}

/** Prepares one referral through the workflow's own Prepare Form (wired to the trigger). */
async function prepare(): Promise<string> {
	const execution = await api.runManuallyAndWait(workflowId, {
		triggerToStartFrom: { name: MANUAL_TRIGGER },
	});
	expect(execution.status).toBe('success');
	return String((nodeOutput(execution, PREPARE)[0].json as { urn: string }).urn);
}

/** The executions the trigger started, by URN. */
async function triggered(): Promise<Map<string, Execution[]>> {
	const byUrn = new Map<string, Execution[]>();
	for (const execution of await api.listExecutions({ workflowId })) {
		if (execution.mode === 'manual') continue;
		const urn = String((nodeOutput(execution, TRIGGER)[0]?.json as { urn?: string } | undefined)?.urn);
		byUrn.set(urn, [...(byUrn.get(urn) ?? []), execution]);
	}
	return byUrn;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
		await sleep(500);
	}
}

/** The one execution of `urn`, once it finished, with a PDF per file. */
async function deliveredOnce(urn: string, files: string[], timeoutMs = 60_000): Promise<void> {
	const [execution] = await waitFor(
		`an execution for ${urn}`,
		async () => {
			const executions = (await triggered()).get(urn);
			return executions?.every((e) => e.status === 'success') ? executions : undefined;
		},
		timeoutMs,
	);
	const [item] = nodeOutput(execution, TRIGGER);
	expect(item.json).toEqual({ urn, files });
	for (const index of files.keys()) {
		expect(item.binary?.[`file_${index}`]).toMatchObject({ mimeType: 'application/pdf' });
	}
	await sleep(1_000);
	expect((await triggered()).get(urn)).toHaveLength(1);
}

const attemptsOf = (urn: string) => sandbox.webhookAttempts.filter((attempt) => attempt.urn === urn);

beforeAll(async () => {
	stack = await startStack({ webhookTimeScale: RETRY_SCALE, importExamples: false });
	sandbox = stack.sandbox as unknown as Sandbox;
	api = stack.api;
	n8n = stack.n8n;
	const { name: packageName } = JSON.parse(await fs.readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as {
		name: string;
	};
	const credentials = { dentalReferralsApi: { id: stack.credential.id, name: stack.credential.name } };
	const workflow = await api.createWorkflow({
		name: 'e2e trigger delivery',
		nodes: [
			manualTriggerNode(),
			{
				name: PREPARE,
				type: `${packageName}.dentalReferrals`,
				typeVersion: 1,
				position: [220, 0],
				credentials,
				parameters: {
					resource: 'form',
					operation: 'prepare',
					formType: sandbox.practices[0].forms[0],
					patientDob: '01/02/1990',
					filesReadyNotification: 'trigger',
				},
			},
			{
				name: TRIGGER,
				type: `${packageName}.dentalReferralsTrigger`,
				typeVersion: 1,
				position: [0, 300],
				credentials,
				parameters: { options: { downloadFiles: true } },
				// The editor gives every webhook node an id; n8n 1.x's public API does not (2.x does).
				webhookId: randomUUID(),
			},
		],
		connections: { [MANUAL_TRIGGER]: { main: [[{ node: PREPARE, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	});
	workflowId = workflow.id;
	await api.activateWorkflow(workflowId);
	await prepare();
	triggerUrl = String(
		sandbox.requests.filter((request) => request.path.endsWith('/prepare_form')).pop()?.form
			?.files_ready_webhook_url,
	);
	expect(triggerUrl).toMatch(
		new RegExp(`^${n8n.baseUrl}/webhook/dental-referrals/${workflowId}/files-ready\\?token=[0-9a-f]{40}$`),
	);
	// Activation registers the webhook asynchronously: wait until it answers (401: no token).
	await api.waitForWebhook(new URL(triggerUrl).pathname.replace(/^\/webhook\//, ''));
}, 300_000);

afterAll(async () => {
	await n8n?.stop();
	await stack?.stop();
});

it('replays A, A, B, A, C ×3 at once, B: three executions, every answer 200 {"status":"success"}', async () => {
	const [a, b, c] = [await prepare(), await prepare(), await prepare()];
	const files: Record<string, string[]> = {};
	for (const urn of [a, b, c]) files[urn] = (await sandbox.submit(urn, { skipWebhook: true })).files;
	const deliver = (urn: string) => post(triggerUrl, { urn, files: files[urn] });

	const answers = [await deliver(a), await deliver(a), await deliver(b), await deliver(a)];
	answers.push(...(await Promise.all([deliver(c), deliver(c), deliver(c)])));
	answers.push(await deliver(b));
	console.log(
		'[e2e] replay answers',
		JSON.stringify(answers.map(({ status, body, ms }) => ({ status, body, ms }))),
	);
	expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
	for (const answer of answers) expect(JSON.parse(answer.body)).toMatchObject({ status: 'success' });
	expect(answers[0].body).toBe('{"status":"success"}');

	for (const urn of [a, b, c]) await deliveredOnce(urn, files[urn]);
	expect([...(await triggered()).keys()].sort()).toEqual([a, b, c].sort());
});

it('a URL with its secret altered is refused with 401 and starts nothing', async () => {
	const before = (await api.listExecutions({ workflowId })).length;
	const token = new URL(triggerUrl).searchParams.get('token')!;
	const altered = triggerUrl.replace(token, `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`);
	const answer = await post(altered, { urn: 'TST0000001', files: [] });
	expect(answer.status).toBe(401);
	await sleep(1_500);
	expect((await api.listExecutions({ workflowId })).length).toBe(before);
});

it('a referral prepared before the practice rotates its API key is delivered after it', async () => {
	const urn = await prepare();
	const oldKey = sandbox.practices[0].apiKey;
	const newKey = sandbox.rotateKey(0);
	await api.updateCredential(stack.credential.id, {
		name: stack.credential.name,
		type: 'dentalReferralsApi',
		data: { environment: 'custom', baseUrl: sandbox.baseUrl, apiKey: newKey },
	});
	const { files }: SubmittedReferral = await sandbox.submit(urn);
	await deliveredOnce(urn, files);
	expect(attemptsOf(urn).map((attempt) => attempt.status)).toEqual([200]);
	// The PDFs were fetched with the new key; the old one no longer opens anything.
	const downloads = sandbox.requests.filter((request) => files.some((file) => file.endsWith(request.path)));
	expect(downloads.every((request) => request.headers.authorization === `Token token=${newKey}`)).toBe(true);
	expect(oldKey).not.toBe(newKey);
});

it('a slow download is answered within 5 s; the PDFs arrive once and the API’s retry is a duplicate', async () => {
	const urn = await prepare();
	sandbox.addFault({ path: /^\/documents\//, kind: 'slow', delayMs: 12_000, times: 1 });
	const { files } = await sandbox.submit(urn);
	const first = await waitFor('the first delivery attempt', async () => attemptsOf(urn)[0], 30_000);
	console.log('[e2e] slow download, first attempt', JSON.stringify(first));
	expect(first.durationMs).toBeLessThan(5_000);
	expect(first.status).toBe(503);
	await deliveredOnce(urn, files);
	// The API's retry (1 h, scaled) finds it delivered: 200, and no second execution.
	await waitFor('the retry', async () => attemptsOf(urn).find((attempt) => attempt.status === 200), 90_000);
	expect(attemptsOf(urn).map((attempt) => attempt.status)).toEqual([503, 200]);
	expect((await triggered()).get(urn)).toHaveLength(1);
});

it('n8n killed mid-download: the API’s retry brings the PDFs, once', async () => {
	const urn = await prepare();
	sandbox.addFault({ path: /^\/documents\//, kind: 'slow', delayMs: 20_000, times: 1 });
	const { files } = await sandbox.submit(urn);
	await waitFor('the first delivery attempt', async () => attemptsOf(urn)[0], 30_000);
	await n8n.kill();
	console.log('[e2e] n8n killed while downloading the PDFs of', urn);
	n8n = await startN8n({
		toolchain: stack.toolchain,
		port: n8n.port,
		userFolder: n8n.userFolder,
		removeUserFolder: false,
	});
	await api.login(stack.owner.email, stack.owner.password);
	await deliveredOnce(urn, files, 240_000);
	console.log('[e2e] attempts after the restart', JSON.stringify(attemptsOf(urn)));
	expect(attemptsOf(urn).at(-1)?.status).toBe(200);
}, 300_000);
