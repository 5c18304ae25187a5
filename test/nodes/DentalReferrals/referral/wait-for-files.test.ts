import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { readBinary } from '../../../../tools/engine/run-workflow';
import {
	apiRequests,
	dentalReferrals,
	runNode,
	sandboxCredential,
	useSandbox,
} from '../../../../tools/engine/sandbox-workflow';
import { activateWorkflow, type ActiveWorkflow } from '../../../../tools/engine/webhook-server';

const WAIT = 'Wait for PDFs';

describe('Wait for PDFs: prepare, wait, resume by the API’s notification — one linear workflow', () => {
	const sandbox = useSandbox();
	let n8n: ActiveWorkflow | undefined;
	afterEach(async () => {
		await n8n?.deactivate();
		n8n = undefined;
	});

	async function start(
		waitParameters: Record<string, unknown> = {},
		items: object[] = [{}],
		typeVersion = 1,
	) {
		n8n = await activateWorkflow({
			items,
			nodes: [
				dentalReferrals(
					{
						resource: 'form',
						operation: 'prepare',
						formType: sandbox().practices[0].forms[0],
						patientDob: '12/12/2012',
						filesReadyNotification: 'wait',
					},
					{ name: 'Prepare Form' },
				),
				dentalReferrals(
					{ resource: 'referral', operation: 'waitForFiles', ...waitParameters },
					{ name: WAIT, typeVersion },
				),
			],
			credentials: sandboxCredential(sandbox()),
		});
		const run = await n8n.runManual();
		const executionId = [...n8n.waiting.keys()].pop() as string;
		return { run, executionId, urn: String(run.output('Prepare Form')[0]?.json.urn) };
	}

	async function post(url: string, body: unknown) {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
		});
		return response.status;
	}

	it('sends this execution’s resume URL, waits, and resumes with URN and PDFs when the sandbox notifies', async () => {
		const { run, executionId, urn } = await start();
		expect(run.run.waitTill).toBeInstanceOf(Date);
		expect(run.run.status).toBe('waiting');
		const resumeUrl = apiRequests(sandbox(), 'prepare_form')[0].form?.files_ready_webhook_url ?? '';
		expect(resumeUrl).toMatch(
			new RegExp(`^${n8n!.baseUrl}/webhook-waiting/${executionId}\\?signature=[0-9a-f]{64}$`),
		);

		const { files } = await sandbox().submit(urn);
		const finished = await n8n!.waitForFinish(executionId);
		expect(finished.error).toBeUndefined();
		const [item] = finished.output(WAIT);
		expect(item.json).toEqual({ urn, files, timedOut: false });
		for (const index of files.keys()) {
			const bytes = await readBinary(item.binary![`file_${index}`]);
			expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
		}
		// The sandbox records an attempt once it has read the answer, which can come after the execution.
		await sandbox().waitFor(() => sandbox().webhookAttempts.some((attempt) => attempt.urn === urn));
		expect(
			sandbox()
				.webhookAttempts.filter((attempt) => attempt.urn === urn)
				.map((attempt) => attempt.status),
		).toEqual([200]);
	});

	it('node version 2: the Referral locator defaults to $json.urn and resumes the same way', async () => {
		const { executionId, urn } = await start({}, [{}], 2);
		const { files } = await sandbox().submit(urn);
		const finished = await n8n!.waitForFinish(executionId);
		expect(finished.error).toBeUndefined();
		expect(finished.output(WAIT).map((item) => item.json)).toEqual([{ urn, files, timedOut: false }]);
	});

	async function postFull(url: string, body: unknown) {
		const started = Date.now();
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
		});
		return { status: response.status, body: await response.text(), ms: Date.now() - started };
	}

	it('simultaneous deliveries during the download resume once; each is answered 200 {"status":"success"}', async () => {
		const { executionId, urn } = await start();
		const resumeUrl = apiRequests(sandbox(), 'prepare_form')[0].form?.files_ready_webhook_url ?? '';
		// A second delivery after the resume began would get n8n's own 409; during the download it is ours.
		sandbox().addFault({ path: /^\/documents\//, kind: 'slow', delayMs: 1_000, times: 1 });
		const { files } = await sandbox().submit(urn, { skipWebhook: true });
		const answers = await Promise.all([1, 2, 3].map(() => postFull(resumeUrl, { urn, files })));
		expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
		for (const answer of answers) expect(JSON.parse(answer.body).status).toBe('success');
		expect(answers.map((answer) => answer.body)).toContain('{"status":"success"}');
		const finished = await n8n!.waitForFinish(executionId);
		expect(finished.output(WAIT)).toHaveLength(1);
	});

	it('a slow download is answered 200 within the deadline; the execution resumes with the PDFs', async () => {
		const { executionId, urn } = await start();
		const resumeUrl = apiRequests(sandbox(), 'prepare_form')[0].form?.files_ready_webhook_url ?? '';
		sandbox().addFault({ path: /^\/documents\//, kind: 'slow', delayMs: 5_000, times: 1 });
		// Submitted without the sandbox's own delivery racing ours: the notification is sent here.
		const { files } = await sandbox().submit(urn, { skipWebhook: true });
		const answer = await postFull(resumeUrl, { urn, files });
		expect(answer).toMatchObject({ status: 200, body: '{"status":"success"}' });
		expect(answer.ms).toBeLessThan(4_500);
		const finished = await n8n!.waitForFinish(executionId, 15_000);
		const [item] = finished.output(WAIT);
		expect(item.json).toEqual({ urn, files, timedOut: false });
		expect(Object.keys(item.binary ?? {})).toHaveLength(files.length);
	}, 30_000);

	describe('calls that are not the expected notification are refused and the execution keeps waiting', () => {
		let foreign: Server;
		let foreignHits = 0;
		beforeAll(async () => {
			foreign = createServer((_req, res) => {
				foreignHits++;
				res.end();
			});
			await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
		});
		afterAll(async () => {
			foreign.closeAllConnections();
			await new Promise<void>((resolve) => foreign.close(() => resolve()));
		});

		it('wrong URN, malformed body, foreign file origin, missing signature', async () => {
			const { executionId, urn } = await start();
			const resumeUrl = apiRequests(sandbox(), 'prepare_form')[0].form?.files_ready_webhook_url ?? '';
			const foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}/x.pdf`;
			expect(await post(resumeUrl, { urn: 'TST7777777', files: [] })).toBe(409);
			expect(await post(resumeUrl, { files: [] })).toBe(400);
			expect(await post(resumeUrl, { urn, files: [foreignUrl] })).toBe(400);
			expect(await post(resumeUrl.replace(/\?signature=.*/, ''), { urn, files: [] })).toBe(401);
			expect(foreignHits).toBe(0);
			expect(n8n!.waiting.get(executionId)?.run.status).toBe('waiting');

			await sandbox().submit(urn);
			const finished = await n8n!.waitForFinish(executionId);
			expect(finished.output(WAIT)[0].json).toMatchObject({ urn, timedOut: false });
		});
	});

	it('a PDF answered as an empty 200 is not stored: 503, the API retries, the retry resumes with real PDFs', async () => {
		const { executionId, urn } = await start();
		sandbox().addFault({ path: /^\/documents\//, kind: 'notPdf', body: 'empty' });
		await sandbox().submit(urn);
		const finished = await n8n!.waitForFinish(executionId);
		const [item] = finished.output(WAIT);
		for (const index of (item.json.files as string[]).keys()) {
			const bytes = await readBinary(item.binary![`file_${index}`]);
			expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
		}
		await sandbox().waitFor(
			() => sandbox().webhookAttempts.filter((attempt) => attempt.urn === urn).length >= 2,
		);
		expect(
			sandbox()
				.webhookAttempts.filter((attempt) => attempt.urn === urn)
				.map((attempt) => attempt.status),
		).toEqual([503, 200]);
	});

	it('a sign-in page instead of a PDF: the resume call gets 503 naming it and the execution keeps waiting', async () => {
		const { executionId, urn } = await start();
		const resumeUrl = apiRequests(sandbox(), 'prepare_form')[0].form?.files_ready_webhook_url ?? '';
		// Real document URLs of the same practice (another referral, notified nowhere).
		const other = await runNode(sandbox(), {
			resource: 'form',
			operation: 'prepare',
			formType: sandbox().practices[0].forms[0],
			patientDob: '12/12/2012',
		});
		const { files } = await sandbox().submit(String(other.items[0].json.urn));
		sandbox().addFault({ path: new URL(files[0]).pathname, kind: 'notPdf', body: 'html' });
		const response = await fetch(resumeUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ urn, files }),
		});
		expect(response.status).toBe(503);
		const name = decodeURIComponent(files[0].split('/').pop() ?? '');
		expect(((await response.json()) as { message: string }).message).toBe(
			`Could not download the PDFs of ${urn} now: Document ${name} is not a PDF: the API at ${new URL(sandbox().origin).host} answered HTTP 200 with HTML (content type text/html; charset=utf-8)`,
		);
		expect(n8n!.waiting.get(executionId)?.run.status).toBe('waiting');

		await sandbox().submit(urn);
		const finished = await n8n!.waitForFinish(executionId);
		expect(finished.output(WAIT)[0].json).toMatchObject({ urn, timedOut: false });
	});

	it('the wait limit ends it with a clear, catchable outcome', async () => {
		const { run, executionId, urn } = await start({
			waitLimit: 30,
			waitLimitUnit: 'minutes',
			downloadFiles: false,
		});
		const waitTill = run.run.waitTill as Date;
		expect(waitTill.getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
		expect(waitTill.getTime() - Date.now()).toBeLessThanOrEqual(30 * 60_000);
		const expired = await n8n!.expire(executionId);
		expect(expired.error).toBeUndefined();
		expect(expired.output(WAIT).map((item) => item.json)).toEqual([{ urn, files: [], timedOut: true }]);
		// A late notification finds the execution finished: n8n answers 409, the API retries, nothing runs twice.
		const resumeUrl = apiRequests(sandbox(), 'prepare_form')[0].form?.files_ready_webhook_url ?? '';
		expect(await post(resumeUrl, { urn, files: [] })).toBe(409);
	});

	it('refuses several items: an execution has one resume URL', async () => {
		const { run } = await start({}, [{}, {}]);
		expect(run.error?.message).toMatch(
			/^URN: Wait for PDFs waits for one referral per execution, and this run has 2 items \(item index 0\)$/,
		);
	});

	it('Prepare Form refuses "Wait for PDFs in This Execution" when no Wait for PDFs node follows', async () => {
		n8n = await activateWorkflow({
			nodes: [
				dentalReferrals({
					resource: 'form',
					operation: 'prepare',
					formType: sandbox().practices[0].forms[0],
					patientDob: '12/12/2012',
					filesReadyNotification: 'wait',
				}),
			],
			credentials: sandboxCredential(sandbox()),
		});
		const run = await n8n.runManual();
		expect(run.error?.message).toBe(
			'Files Ready Notification: no Dental Referrals "Wait for PDFs" node follows this node (item index 0)',
		);
		expect(apiRequests(sandbox())).toHaveLength(0);
	});
});
