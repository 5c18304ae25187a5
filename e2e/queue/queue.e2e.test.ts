/**
 * Queue mode, proven: production executions of this package's nodes run on the worker,
 * files-ready notifications and Wait for PDFs resumes arrive at the webhook processor
 * (main serves no production webhooks here), and PDFs move between the processes only
 * through the database (binary data mode `database`; every process has its own user folder).
 *
 * Its own stage: `npm run test:e2e:queue` (e2e/queue/jest.config.js; the e2e stage selects only e2e/*.e2e.test.ts).
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';

import { triggerUrl } from '../../nodes/shared/trigger-url';

import { REPO_ROOT } from '../../tools/n8n/install-package';
import { type Execution, nodeOutput } from '../../tools/n8n/n8n-api';
import type { N8nProcess } from '../../tools/n8n/n8n-process';
import { defaultLog } from '../../tools/n8n/toolchain';
import { startQueueStack, type QueueStack } from '../../tools/n8n/queue/queue-stack';
import {
	ACTION,
	actionWorkflow,
	listFormsWorkflow,
	type QueueWorkflowContext,
	TRIGGER,
	triggerWorkflow,
	WAIT,
	waitWorkflow,
} from '../../tools/n8n/queue/queue-workflows';

const ARTIFACTS = join(REPO_ROOT, 'e2e', 'artifacts', 'queue');
const STACK_TIMEOUT_MS = 300_000;

interface RecordedRequest {
	method: string;
	path: string;
	headers: Record<string, string>;
	form?: Record<string, string>;
	parts?: Array<{ name: string; filename?: string; contentType?: string; size: number; sha256: string }>;
	status: number;
}

interface WebhookAttempt {
	urn: string;
	url: string;
	attempt: number;
	status?: number;
	error?: string;
}

interface BinaryMeta {
	id?: string;
	mimeType?: string;
	fileName?: string;
	fileSize?: string;
	bytes?: number;
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function sha256(bytes: Buffer): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/** n8n's console log without colour codes. */
function plain(text: string): string {
	// eslint's no-control-regex: build the escape character instead of writing it in a literal.
	return text.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
}

function count(text: string, needle: string): number {
	return plain(text).split(needle).length - 1;
}

/** Polls `probe` until it returns a value (bounded). */
async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`${what}: not within ${Math.round(timeoutMs / 1000)} s`);
		await sleep(250);
	}
}

describe('n8n queue mode: main + worker + webhook processor, binary data in the database', () => {
	let stack: QueueStack;
	let context: QueueWorkflowContext;

	const sandbox = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
		const response = await fetch(`${stack.sandbox.origin}/__sandbox/${path}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(10_000),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`sandbox ${method} ${path}: HTTP ${response.status} ${text}`);
		return JSON.parse(text) as T;
	};

	/** A document as the API serves it to the practice (what the nodes must have fetched). */
	const documentBytes = async (url: string): Promise<Buffer> => {
		const response = await fetch(url, {
			headers: { authorization: `Token token=${stack.practiceKey}` },
			signal: AbortSignal.timeout(10_000),
		});
		expect(response.status).toBe(200);
		return Buffer.from(await response.arrayBuffer());
	};

	/** Binary data by id, read back through main's REST API (main never stored it). */
	const binaryFromMain = async (id: string): Promise<Buffer> => {
		const response = await fetch(
			`${stack.main.baseUrl}/rest/binary-data?${new URLSearchParams({ id, action: 'download' }).toString()}`,
			{
				headers: { cookie: stack.api.authCookie ?? '' },
				signal: AbortSignal.timeout(10_000),
			},
		);
		const bytes = Buffer.from(await response.arrayBuffer());
		if (response.status !== 200)
			throw new Error(
				`GET /rest/binary-data ${id}: HTTP ${response.status} ${bytes.toString('utf8', 0, 300)}`,
			);
		return bytes;
	};

	/** The database row holding a binary (mode `database`): who it belongs to, its size and hash. */
	const binaryRow = async (
		id: string,
	): Promise<{ sourceType: string; sourceId: string; fileSize: number; sha256: string }> => {
		const fileId = id.replace(/^database:/, '');
		expect(fileId).toMatch(/^[0-9a-f-]{36}$/);
		const rows = await stack.postgres.query(
			`select "sourceType", "sourceId", "fileSize", encode(sha256(data), 'hex') from binary_data where "fileId" = '${fileId}'`,
		);
		expect(rows).toHaveLength(1);
		const [sourceType, sourceId, fileSize, hash] = rows[0];
		return { sourceType, sourceId, fileSize: Number(fileSize), sha256: hash };
	};

	/** A binary kept in the database, filed under the execution, that main serves back byte for byte. */
	const expectFiledUnder = async (meta: BinaryMeta, executionId: string, bytes: Buffer): Promise<void> => {
		expect(meta.id).toMatch(/^database:/);
		expect(await binaryRow(meta.id as string)).toEqual({
			sourceType: 'execution',
			sourceId: executionId,
			fileSize: bytes.length,
			sha256: sha256(bytes),
		});
		expect(sha256(await binaryFromMain(meta.id as string))).toBe(sha256(bytes));
	};

	/** POST to a production webhook on the webhook processor (activation registers it asynchronously). */
	const postProductionWebhook = async (path: string, body: unknown): Promise<void> => {
		const url = `${stack.webhookUrl}webhook/${path}`;
		await until(`POST ${url} accepted`, async () => {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
				signal: AbortSignal.timeout(30_000),
			});
			const text = await response.text();
			if (response.status === 404) return undefined;
			if (response.status !== 200)
				throw new Error(`POST ${url}: HTTP ${response.status} ${text.slice(0, 300)}`);
			return true;
		});
	};

	const createAndActivate = async (
		definition: Parameters<QueueStack['api']['createWorkflow']>[0],
	): Promise<string> => {
		const workflow = await stack.api.createWorkflow(definition);
		await stack.api.activateWorkflow(workflow.id);
		return workflow.id;
	};

	/**
	 * n8n 2.41 publishes an activation asynchronously (publication outbox): webhooks are
	 * registered one by one and the trigger's production URL lands in the workflow's static
	 * data only at the end. A production call made before that would find no URL to send.
	 */
	/** The trigger's production URL, as Prepare Form derives it (token included). */
	const triggerUrlOf = async (workflowId: string): Promise<string> =>
		triggerUrl(`${stack.webhookUrl.replace(/\/$/, '')}/webhook`, workflowId, await stack.api.instanceId());

	const succeeded = (execution: Execution) => {
		const error = execution.data?.resultData.error;
		expect({ status: execution.status, error: error?.message, description: error?.description }).toEqual({
			status: 'success',
			error: undefined,
			description: undefined,
		});
	};

	/** The execution ran on the worker (the webhook processor enqueued it; main neither enqueued nor ran it). */
	const ranOnWorker = (executionId: string, worker: N8nProcess = stack.worker, jobs = 1) => {
		expect(count(stack.webhook.output(), `Enqueued execution ${executionId} (`)).toBe(jobs);
		expect(count(worker.output(), `Worker started execution ${executionId} (`)).toBe(jobs);
		expect(count(worker.output(), `Worker finished execution ${executionId} (`)).toBe(jobs);
		expect(count(stack.main.output(), `Enqueued execution ${executionId} (`)).toBe(0);
	};

	const recorded = () => sandbox<RecordedRequest[]>('GET', 'requests');
	const uploadedParts = async () =>
		(await recorded())
			.filter((request) => request.path.endsWith('/add_file') && request.status === 200)
			.flatMap((request) => request.parts ?? []);

	beforeAll(async () => {
		await fs.mkdir(ARTIFACTS, { recursive: true });
		stack = await startQueueStack({ webhookTimeScale: 0.001, echoN8n: process.env.DR_E2E_VERBOSE === '1' });
		defaultLog(`start-up timings (s): ${JSON.stringify(stack.timings)}`);
		context = {
			packageName: stack.packageName,
			credential: stack.credential,
			formType: stack.sandbox.practices[0].forms[0],
		};
	}, STACK_TIMEOUT_MS);

	afterAll(async () => {
		if (!stack) return;
		const logs: Array<[string, () => string]> = [
			['main', stack.main.output],
			['worker', stack.worker.output],
			['webhook', stack.webhook.output],
			['redis', stack.redis.output],
			['postgres', stack.postgres.output],
		];
		for (const [name, output] of logs)
			await fs.writeFile(join(ARTIFACTS, `${name}.log`), output()).catch(() => undefined);
		const started = Date.now();
		await stack.stop();
		defaultLog(`queue stack stopped in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	}, 60_000);

	it('every process is in queue mode with binary data in the database, and main serves no production webhooks', async () => {
		for (const process of [stack.main, stack.worker, stack.webhook]) {
			expect(plain(process.output())).not.toMatch(/Unrecognized node type|Error loading package/);
		}
		expect(plain(stack.worker.output())).toContain('n8n worker is now ready');
		const response = await fetch(`${stack.main.baseUrl}/webhook/anything`, {
			method: 'POST',
			signal: AbortSignal.timeout(10_000),
		});
		await response.arrayBuffer();
		expect(response.status).toBe(404);
	});

	it('an action workflow runs on the worker: downloads a PDF, uploads it with an RTF made by n8n, prepares a form', async () => {
		const { url: documentUrl } = await sandbox<{ url: string }>('POST', 'documents', {
			apiKey: stack.practiceKey,
			bytes: 300_000,
		});
		const pdf = await documentBytes(documentUrl);
		const letter = Buffer.from(
			'{\\rtf1\\ansi Dear colleague,\\par please see the attached scan.\\par}\n',
			'utf8',
		);
		await sandbox('DELETE', 'requests');

		const path = 'queue-action';
		const workflowId = await createAndActivate(actionWorkflow(context, path));
		await postProductionWebhook(path, { documentUrl, letterBase64: letter.toString('base64') });
		const execution = await stack.api.waitForExecution(workflowId, { timeoutMs: 60_000 });
		succeeded(execution);
		ranOnWorker(execution.id);

		const downloaded = nodeOutput(execution, ACTION.download)[0];
		const scan = downloaded.binary?.scan as BinaryMeta;
		expect(scan).toMatchObject({ mimeType: 'application/pdf', fileName: 'SYNTHETIC_300000.pdf' });
		await expectFiledUnder(scan, execution.id, pdf);
		const letterMeta = downloaded.binary?.letter as BinaryMeta;
		expect(letterMeta).toMatchObject({ mimeType: 'text/rtf', fileName: 'referral-letter.rtf' });
		expect(letterMeta.id).toMatch(/^database:/);
		expect(sha256(await binaryFromMain(letterMeta.id as string))).toBe(sha256(letter));

		const upload = nodeOutput(execution, ACTION.upload)[0].json as {
			fileupload_id: string;
			files: Array<{ binaryPropertyName: string; fileSize: number; mimeType: string }>;
		};
		expect(
			upload.files.map(({ binaryPropertyName, fileSize, mimeType }) => ({
				binaryPropertyName,
				fileSize,
				mimeType,
			})),
		).toEqual([
			{ binaryPropertyName: 'scan', fileSize: pdf.length, mimeType: 'application/pdf' },
			{ binaryPropertyName: 'letter', fileSize: letter.length, mimeType: 'text/rtf' },
		]);
		const parts = await uploadedParts();
		expect(parts.map(({ name, size, sha256: hash }) => ({ name, size, sha256: hash }))).toEqual([
			{ name: 'file', size: pdf.length, sha256: sha256(pdf) },
			{ name: 'file', size: letter.length, sha256: sha256(letter) },
		]);
		const prepared = nodeOutput(execution, ACTION.prepare)[0].json as {
			urn: string;
			prepared_form_url: string;
		};
		expect(prepared.urn).toEqual(expect.any(String));
		const prepareRequest = (await recorded()).find((request) => request.path.endsWith('/prepare_form'));
		expect(prepareRequest?.form?.fileupload_id).toBe(String(upload.fileupload_id));
	});

	it('Prepare Form "Dental Referrals Trigger of This Workflow" on a worker sends the trigger URL derived from WEBHOOK_URL', async () => {
		// A new execution reaches the worker without the workflow's static data, so the URL is
		// derived from what every process knows: WEBHOOK_URL (via the resume URL), the workflow id, the key.
		await sandbox('DELETE', 'requests');
		const path = 'queue-trigger-wired';
		const workflowId = await createAndActivate(triggerWorkflow(context, path, 'trigger'));
		await postProductionWebhook(path, {});
		const execution = await stack.api.waitForExecution(workflowId, { timeoutMs: 60_000 });
		succeeded(execution);
		ranOnWorker(execution.id);
		const requests = await sandbox<Array<{ path: string; form?: Record<string, string> }>>('GET', 'requests');
		const sent = requests.filter((request) => request.path.endsWith('/prepare_form')).pop();
		expect(sent?.form?.files_ready_webhook_url).toBe(await triggerUrlOf(workflowId));
		await stack.api.deactivateWorkflow(workflowId);
	});

	it('a files-ready notification reaches the trigger at the webhook processor; the worker gets the PDFs from the database', async () => {
		await sandbox('DELETE', 'requests');
		const path = 'queue-trigger-start';
		const workflowId = await createAndActivate(triggerWorkflow(context, path, 'url'));
		const notifyUrl = await triggerUrlOf(workflowId);
		expect(notifyUrl.startsWith(`${stack.webhookUrl}webhook/`)).toBe(true);
		await postProductionWebhook(path, { notifyUrl });
		const preparing = await stack.api.waitForExecution(workflowId, { timeoutMs: 60_000 });
		succeeded(preparing);
		ranOnWorker(preparing.id);
		const { urn } = nodeOutput(preparing, TRIGGER.prepare)[0].json as { urn: string };
		const prepareRequest = (await recorded()).find((request) => request.path.endsWith('/prepare_form'));
		expect(prepareRequest?.form?.files_ready_webhook_url).toBe(notifyUrl);

		const { files } = await sandbox<{ urn: string; files: string[] }>('POST', 'submit', { urn });
		expect(files.length).toBeGreaterThan(0);
		const attempt = await until('the notification answered', async () =>
			(await sandbox<WebhookAttempt[]>('GET', 'webhook-attempts')).find((candidate) => candidate.urn === urn),
		);
		expect({ url: attempt.url, status: attempt.status, attempt: attempt.attempt }).toEqual({
			url: notifyUrl,
			status: 200,
			attempt: 1,
		});

		const received = await stack.api.waitForExecution(workflowId, {
			timeoutMs: 60_000,
			ignoreIds: [preparing.id],
		});
		succeeded(received);
		ranOnWorker(received.id);
		const item = nodeOutput(received, TRIGGER.trigger)[0];
		expect(item.json).toMatchObject({ urn, files });
		const pdfs = await Promise.all(files.map(documentBytes));
		for (const [index, pdf] of pdfs.entries()) {
			const meta = item.binary?.[`file_${index}`] as BinaryMeta;
			expect(meta).toMatchObject({ mimeType: 'application/pdf' });
			expect(meta.id).toMatch(/^database:/);
			expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
			// Stored by the webhook processor before the execution existed. KNOWN n8n 2.41 gap: such
			// rows keep the placeholder source "temp" (only filesystem ids are re-keyed to the
			// execution), so main's GET /rest/binary-data (the editor's view/download) answers 404
			// for them, and execution pruning (by execution id) does not remove them.
			expect(await binaryRow(meta.id as string)).toEqual({
				sourceType: 'execution',
				sourceId: 'temp',
				fileSize: pdf.length,
				sha256: sha256(pdf),
			});
			await expect(binaryFromMain(meta.id as string)).rejects.toThrow(/HTTP 404/);
		}
		// The worker streamed the PDFs the webhook processor had stored back to the API.
		const parts = await uploadedParts();
		expect(parts.map((part) => part.sha256)).toEqual(pdfs.map(sha256));
	});

	it('replays A, A, B, A, C ×3 at once, B at the webhook processor: three executions on the worker, every answer 200', async () => {
		const workflowId = await createAndActivate(triggerWorkflow(context, 'queue-trigger-replay', 'url'));
		const url = await triggerUrlOf(workflowId);
		const deliver = async (urn: string) => {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ urn, files: [] }),
			});
			return { status: response.status, body: await response.text() };
		};
		// Activation registers the webhook asynchronously: the first delivery may meet a 404.
		await until('the trigger registered', async () =>
			(await deliver('QUE0000001')).status === 200 ? true : undefined,
		);
		const answers = [await deliver('QUE0000001'), await deliver('QUE0000002'), await deliver('QUE0000001')];
		answers.push(...(await Promise.all([1, 2, 3].map(() => deliver('QUE0000003')))));
		answers.push(await deliver('QUE0000002'));
		expect(answers.map((answer) => answer.status)).toEqual(Array(7).fill(200));
		for (const answer of answers) expect(JSON.parse(answer.body)).toMatchObject({ status: 'success' });
		const urnsOf = async () =>
			(await stack.api.listExecutions({ workflowId }))
				// Its Upload Files node fails on these file-less notifications; the trigger's output is what counts.
				.filter((execution) => execution.status !== 'running' && execution.status !== 'new')
				.map((execution) => String((nodeOutput(execution, TRIGGER.trigger)[0]?.json as { urn?: string }).urn))
				.sort();
		await until('three executions', async () => ((await urnsOf()).length >= 3 ? true : undefined));
		await new Promise((resolve) => setTimeout(resolve, 2_000));
		expect(await urnsOf()).toEqual(['QUE0000001', 'QUE0000002', 'QUE0000003']);
		await stack.api.deactivateWorkflow(workflowId);
	});

	it('Wait for PDFs: prepared on the worker, resumed at /webhook-waiting on the webhook processor, finished on the worker', async () => {
		await sandbox('DELETE', 'requests');
		const path = 'queue-wait-start';
		const workflowId = await createAndActivate(waitWorkflow(context, path));
		await postProductionWebhook(path, {});
		const waiting = await stack.api.waitForExecution(workflowId, {
			timeoutMs: 60_000,
			accept: (execution) => execution.status !== 'running' && execution.status !== 'new',
		});
		expect(waiting.status).toBe('waiting');
		expect(count(stack.worker.output(), `Worker started execution ${waiting.id} (`)).toBe(1);
		const { urn } = nodeOutput(waiting, WAIT.prepare)[0].json as { urn: string };
		const prepareRequest = (await recorded()).find((request) => request.path.endsWith('/prepare_form'));
		const resumeUrl = prepareRequest?.form?.files_ready_webhook_url ?? '';
		expect(resumeUrl.startsWith(`${stack.webhookUrl}webhook-waiting/${waiting.id}`)).toBe(true);

		const { files } = await sandbox<{ urn: string; files: string[] }>('POST', 'submit', { urn });
		const attempt = await until('the resume call answered', async () =>
			(await sandbox<WebhookAttempt[]>('GET', 'webhook-attempts')).find((candidate) => candidate.urn === urn),
		);
		expect({ url: attempt.url, status: attempt.status }).toEqual({ url: resumeUrl, status: 200 });

		const finished = await until('the resumed execution finished', async () => {
			const execution = await stack.api.getExecution(waiting.id);
			return ['running', 'new', 'waiting'].includes(execution.status) ? undefined : execution;
		});
		succeeded(finished);
		// Two jobs, both enqueued by the webhook processor: the start and the resume.
		ranOnWorker(finished.id, stack.worker, 2);
		const item = nodeOutput(finished, WAIT.wait)[0];
		expect(item.json).toMatchObject({ urn, files, timedOut: false });
		const pdfs = await Promise.all(files.map(documentBytes));
		for (const [index, pdf] of pdfs.entries()) {
			const meta = item.binary?.[`file_${index}`] as BinaryMeta;
			// Stored by the webhook processor while resuming a known execution: filed under it.
			await expectFiledUnder(meta, finished.id, pdf);
		}
		const upload = nodeOutput(finished, WAIT.upload)[0].json as { files: unknown[] };
		expect(upload.files).toHaveLength(pdfs.length);
		expect((await uploadedParts()).map((part) => part.sha256)).toEqual(pdfs.map(sha256));
	});

	it('the trap: a worker without the package fails the execution with "Unrecognized node type"', async () => {
		// Only the bare worker may take the job.
		await stack.worker.stop();
		const bare = await stack.startWorker({ withPackage: false, label: 'bare-worker' });
		try {
			const path = 'queue-bare-worker';
			const workflowId = await createAndActivate(listFormsWorkflow(context, path));
			await postProductionWebhook(path, {});
			const execution = await stack.api.waitForExecution(workflowId, { timeoutMs: 60_000 });
			expect(execution.status).toBe('error');
			expect(execution.data?.resultData.error?.message ?? '').toContain(
				`Unrecognized node type: ${stack.packageName}.dentalReferrals`,
			);
			expect(count(bare.output(), `Worker started execution ${execution.id} (`)).toBe(1);
			expect(plain(bare.output())).toContain('Unrecognized node type');
		} finally {
			await fs.writeFile(join(ARTIFACTS, 'bare-worker.log'), bare.output()).catch(() => undefined);
			await bare.stop();
		}
	});
});
