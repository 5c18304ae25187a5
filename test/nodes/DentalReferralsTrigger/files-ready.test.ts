import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { INodeParameters } from 'n8n-workflow';

import { legacyTriggerToken, triggerUrl } from '../../../nodes/shared/trigger-url';
import { instanceId, PACKAGE, readBinary } from '../../../tools/engine/run-workflow';
import {
	apiRequests,
	dentalReferrals,
	sandboxCredential,
	useSandbox,
} from '../../../tools/engine/sandbox-workflow';
import { activateWorkflow, type ActiveWorkflow } from '../../../tools/engine/webhook-server';
import type { Sandbox } from '../../../tools/sandbox';
import { findKey } from '../../../tools/key-forms';

const TRIGGER = 'Dental Referrals Trigger';

/** The trigger's production URL: n8n's webhook base, the workflow id and the instance's token. */
const registrations = (workflow: ActiveWorkflow) => [
	{ url: triggerUrl(`${workflow.baseUrl}/webhook`, workflow.workflowId, instanceId()) },
];

function triggerNode(options: Record<string, unknown> = {}, parameters: Record<string, unknown> = {}) {
	return {
		name: TRIGGER,
		type: `${PACKAGE}.dentalReferralsTrigger`,
		parameters: { options, ...parameters } as INodeParameters,
	};
}

const prepareWiredToTrigger = (sandbox: Sandbox) =>
	dentalReferrals(
		{
			resource: 'form',
			operation: 'prepare',
			formType: sandbox.practices[0].forms[0],
			patientDob: '02/03/1984',
			filesReadyNotification: 'trigger',
		},
		{ name: 'Prepare Form' },
	);

async function post(url: string, body: string, contentType = 'application/json') {
	const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': contentType }, body });
	return { status: response.status, body: await response.text() };
}

describe('Dental Referrals Trigger, activated in n8n’s engine and called by the sandbox for real', () => {
	const sandbox = useSandbox();
	let active: ActiveWorkflow | undefined;
	afterEach(async () => {
		await active?.deactivate();
		active = undefined;
	});

	async function activate(options: Record<string, unknown> = {}, parameters: Record<string, unknown> = {}) {
		active = await activateWorkflow({
			nodes: [prepareWiredToTrigger(sandbox())],
			trigger: triggerNode(options, parameters),
			credentials: sandboxCredential(sandbox()),
		});
		return active;
	}

	/** Prepare Form (wired to the trigger) → the person submits → the sandbox notifies. */
	async function prepareAndSubmit(workflow: ActiveWorkflow) {
		const run = await workflow.runManual();
		expect(run.error).toBeUndefined();
		const urn = String(run.output('Prepare Form')[0].json.urn);
		const submitted = await sandbox().submit(urn);
		return { urn, files: submitted.files, run };
	}

	it('activation proves the key; Prepare Form sends the URL derived from n8n’s webhook base, with the token', async () => {
		const workflow = await activate();
		expect(apiRequests(sandbox(), 'available_forms')).toHaveLength(1);
		await workflow.runManual();
		expect(apiRequests(sandbox(), 'prepare_form')[0].form?.files_ready_webhook_url).toMatch(
			new RegExp(
				`^${workflow.baseUrl}/webhook/dental-referrals/${workflow.workflowId}/files-ready\\?token=[0-9a-f]{40}$`,
			),
		);
	});

	it('the token belongs to the workflow and is no function of the API key: another workflow’s is refused', async () => {
		const workflow = await activate();
		const otherWorkflowsUrl = triggerUrl(`${workflow.baseUrl}/webhook`, 'another-workflow', instanceId());
		const token = new URL(otherWorkflowsUrl).searchParams.get('token')!;
		const answer = await post(
			`${registrations(workflow)[0].url.replace(/token=.*/, '')}token=${token}`,
			'{"urn":"TST0000001","files":[]}',
		);
		expect(answer.status).toBe(401);
		const { url } = registrations(workflow)[0];
		const keys = sandbox().practices.map((practice) => practice.apiKey);
		for (const key of keys) expect(url).not.toContain(legacyTriggerToken(key, workflow.workflowId));
		expect(workflow.executions).toHaveLength(0);
	});

	it('a referral prepared before the practice rotates its API key is still delivered after it', async () => {
		const workflow = await activate({ downloadFiles: true });
		const run = await workflow.runManual();
		const urn = String(run.output('Prepare Form')[0].json.urn);
		const url = String(apiRequests(sandbox(), 'prepare_form')[0].form?.files_ready_webhook_url);
		const newKey = sandbox().rotateKey(0);
		workflow.setCredentials({ ...sandboxCredential(sandbox()), apiKey: newKey });
		const { files } = await sandbox().submit(urn);
		await workflow.waitForExecutions(1);
		expect(workflow.executions[0].output(TRIGGER)[0].json).toEqual({ urn, files });
		expect(Object.keys(workflow.executions[0].output(TRIGGER)[0].binary ?? {})).toHaveLength(files.length);
		await sandbox().waitFor(() => sandbox().webhookAttempts.some((attempt) => attempt.urn === urn));
		expect(sandbox().webhookAttempts.filter((attempt) => attempt.urn === urn)[0]).toMatchObject({
			url,
			status: 200,
		});
	});

	it('a URL with the token of version 0.1.0 (keyed with the current API key) is still accepted', async () => {
		const workflow = await activate();
		const legacy = legacyTriggerToken(sandbox().practices[0].apiKey, workflow.workflowId);
		const url = `${registrations(workflow)[0].url.replace(/token=.*/, '')}token=${legacy}`;
		expect((await post(url, '{"urn":"TST0000005","files":[]}')).status).toBe(200);
		await workflow.waitForExecutions(1);
	});

	it('activation with a rejected key fails with the credential message, not the key', async () => {
		const wrongKey = sandbox().practices[0].apiKey.split('').reverse().join('');
		await expect(
			activateWorkflow({
				nodes: [],
				trigger: triggerNode(),
				credentials: { ...sandboxCredential(sandbox()), apiKey: wrongKey },
			}),
		).rejects.toThrow('The Dental Referrals API rejected the API key (HTTP 401)');
	});

	it('Prepare Form sends the trigger URL; the sandbox’s submit calls it; the execution holds URN and PDFs', async () => {
		const workflow = await activate({ downloadFiles: true });
		const { urn, files } = await prepareAndSubmit(workflow);
		const [registration] = registrations(workflow);
		expect(apiRequests(sandbox(), 'prepare_form')[0].form?.files_ready_webhook_url).toBe(registration.url);

		await workflow.waitForExecutions(1);
		// The sandbox records an attempt once it has read the answer, which can come after the execution.
		await sandbox().waitFor(() =>
			sandbox().webhookAttempts.some((attempt) => attempt.urn === urn && attempt.status === 200),
		);
		expect(sandbox().webhookAttempts.find((attempt) => attempt.urn === urn)).toMatchObject({
			url: registration.url,
			status: 200,
		});
		const [item] = workflow.executions[0].output(TRIGGER);
		expect(item.json).toEqual({ urn, files });
		expect(Object.keys(item.binary ?? {})).toEqual(files.map((_, index) => `file_${index}`));
		for (const [index, url] of files.entries()) {
			const binary = item.binary![`file_${index}`];
			expect(binary.mimeType).toBe('application/pdf');
			const bytes = await readBinary(binary);
			expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
			expect(bytes.toString('latin1')).toContain(urn);
			const download = sandbox().requests.find((request) => url.endsWith(request.path));
			expect(download?.headers.authorization).toBe(`Token token=${sandbox().practices[0].apiKey}`);
		}
		expect(findKey(JSON.stringify(workflow.executions[0].run), sandbox().practices[0].apiKey)).toEqual([]);
	});

	it('without options, the notification starts the workflow at once and nothing is downloaded', async () => {
		const workflow = await activate();
		const { urn, files } = await prepareAndSubmit(workflow);
		await workflow.waitForExecutions(1);
		const [item] = workflow.executions[0].output(TRIGGER);
		expect(item.json).toEqual({ urn, files });
		expect(item.binary).toBeUndefined();
		expect(sandbox().requests.filter((request) => request.path.startsWith('/documents'))).toHaveLength(0);
	});

	describe('refused calls never start the workflow', () => {
		let foreign: Server;
		let foreignHits = 0;
		beforeAll(async () => {
			foreign = createServer((_req, res) => {
				foreignHits++;
				res.end('%PDF-stolen');
			});
			await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
		});
		afterAll(async () => {
			foreign.closeAllConnections();
			await new Promise<void>((resolve) => foreign.close(() => resolve()));
		});

		it('a forged notification with a foreign file URL is refused and that host gets no request', async () => {
			const workflow = await activate({ downloadFiles: true });
			const { url } = registrations(workflow)[0];
			const foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}/documents/x.pdf`;
			const answer = await post(url, JSON.stringify({ urn: 'TST0000001', files: [foreignUrl] }));
			expect(answer.status).toBe(400);
			expect(JSON.parse(answer.body).message).toContain("not on the credential's API origin");
			expect(foreignHits).toBe(0);
			expect(workflow.executions).toHaveLength(0);
		});

		it.each([
			['missing', (url: string) => url.replace(/\?token=.*/, '')],
			['wrong', (url: string) => url.replace(/token=[0-9a-f]/, 'token=g')],
		])('a %s token gets 401', async (_label, tamper) => {
			const workflow = await activate();
			const { url } = registrations(workflow)[0];
			const answer = await post(tamper(url), JSON.stringify({ urn: 'TST0000001', files: [] }));
			expect(answer).toEqual({ status: 401, body: '{"status":"error","message":"Missing or wrong token"}' });
			expect(workflow.executions).toHaveLength(0);
		});

		it.each([
			['text that is not JSON', 'hello', 'text/plain', 400],
			['JSON that does not parse (n8n refuses it)', '{"urn":', 'application/json', 422],
			['no urn', '{"files":[]}', 'application/json', 400],
			['files not an array', '{"urn":"TST0000001","files":"x"}', 'application/json', 400],
			[
				'a file that is not an http(s) URL',
				'{"urn":"TST0000001","files":["ftp://x/y.pdf"]}',
				'application/json',
				400,
			],
			['an array body', '[1,2]', 'application/json', 400],
		])('%s is refused', async (_label, body, contentType, status) => {
			const workflow = await activate();
			const { url } = registrations(workflow)[0];
			const answer = await post(url, body, contentType);
			expect(answer.status).toBe(status);
			if (status === 400)
				expect(JSON.parse(answer.body).message).toMatch(/^Not a files-ready notification: /);
			expect(workflow.executions).toHaveLength(0);
		});

		it('Verify Referral refuses a URN the key does not know', async () => {
			const workflow = await activate({ verifyReferral: true });
			const { url } = registrations(workflow)[0];
			const answer = await post(url, JSON.stringify({ urn: 'TST9999999', files: [] }));
			expect(answer.status).toBe(404);
			expect(workflow.executions).toHaveLength(0);
		});
	});

	it('a non-200 answer makes the sandbox retry; the retry starts the workflow once', async () => {
		const workflow = await activate({ verifyReferral: true });
		sandbox().addFault({ path: '/react4r/v2/referral_status', kind: 'status', status: 500, times: 1 });
		const { urn } = await prepareAndSubmit(workflow);
		await workflow.waitForExecutions(1);
		// The sandbox records an attempt once it has read the answer, which can come after the execution.
		await sandbox().waitFor(() =>
			sandbox().webhookAttempts.some((attempt) => attempt.urn === urn && attempt.status === 200),
		);
		const attempts = sandbox().webhookAttempts.filter((attempt) => attempt.urn === urn);
		expect(attempts.map((attempt) => [attempt.attempt, attempt.status])).toEqual([
			[1, 503],
			[2, 200],
		]);
		expect(workflow.executions[0].output(TRIGGER)[0].json.urn).toBe(urn);
	});

	it('Download Files: a document answered 200 with a JSON error instead of the PDF answers 503 naming it', async () => {
		const workflow = await activate({ downloadFiles: true, skipDuplicates: false });
		const { urn, files } = await prepareAndSubmit(workflow);
		await workflow.waitForExecutions(1);
		sandbox().addFault({ path: new URL(files[1]).pathname, kind: 'notPdf', body: 'json' });
		const { url } = registrations(workflow)[0];
		const answer = await post(url, JSON.stringify({ urn, files }));
		const name = decodeURIComponent(files[1].split('/').pop() ?? '');
		expect(answer.status).toBe(503);
		expect(JSON.parse(answer.body).message).toBe(
			`Could not download the PDFs of ${urn} now: Document ${name} is not a PDF: the API at ${new URL(sandbox().origin).host} answered HTTP 200 with JSON (content type application/json; charset=utf-8)`,
		);
		expect(workflow.executions).toHaveLength(1);
		expect(
			sandbox()
				.requests.filter((request) => request.path === new URL(files[1]).pathname)
				.at(-1)?.headers.accept,
		).toBe('application/json');
	});

	it('a repeated notification (same URN and files) is answered 200 and not processed twice', async () => {
		const workflow = await activate();
		const { urn, files } = await prepareAndSubmit(workflow);
		await workflow.waitForExecutions(1);
		const { url } = registrations(workflow)[0];
		const again = await post(url, JSON.stringify({ urn, files: [...files].reverse() }));
		expect(again).toEqual({
			status: 200,
			body: '{"status":"success","message":"Duplicate notification ignored"}',
		});
		const changed = await post(url, JSON.stringify({ urn, files: files.slice(0, 1) }));
		expect(changed.status).toBe(200);
		await workflow.waitForExecutions(2);
		expect(workflow.executions.map((execution) => execution.output(TRIGGER)[0].json.files)).toEqual([
			files,
			files.slice(0, 1),
		]);
	});

	it('replays A, A, B, A, C ×3 at once, B: three executions, every answer 200 {"status":"success"}', async () => {
		const workflow = await activate();
		const { url } = registrations(workflow)[0];
		const notification = (urn: string) => JSON.stringify({ urn, files: [] });
		const answers = [];
		for (const urn of ['TST0000101', 'TST0000101', 'TST0000102', 'TST0000101'])
			answers.push(await post(url, notification(urn)));
		answers.push(...(await Promise.all([1, 2, 3].map(() => post(url, notification('TST0000103'))))));
		answers.push(await post(url, notification('TST0000102')));
		expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
		for (const answer of answers) expect(JSON.parse(answer.body).status).toBe('success');
		expect(answers[0].body).toBe('{"status":"success"}');
		await workflow.waitForExecutions(3);
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(workflow.executions.map((execution) => execution.output(TRIGGER)[0].json.urn)).toEqual([
			'TST0000101',
			'TST0000102',
			'TST0000103',
		]);
		// What n8n would keep in its database for the next process (a restart).
		expect(Object.keys(workflow.staticData['node:Dental Referrals Trigger'] as object)).toEqual([
			'delivered',
		]);
		expect(
			Object.keys((workflow.staticData['node:Dental Referrals Trigger'] as { delivered: object }).delivered),
		).toHaveLength(3);
	});

	it('after a restart (a new process reads the stored static data) a repeat is still a duplicate', async () => {
		const first = await activate();
		const body = JSON.stringify({ urn: 'TST0000201', files: [] });
		expect((await post(registrations(first)[0].url, body)).status).toBe(200);
		await first.waitForExecutions(1);
		const stored = first.staticData;
		await first.deactivate();
		// Same workflow id and stored static data, and none of this process's memory: another id
		// for the process-wide claims is the closest the harness comes to a fresh process.
		active = await activateWorkflow({
			nodes: [prepareWiredToTrigger(sandbox())],
			trigger: triggerNode(),
			credentials: sandboxCredential(sandbox()),
			workflowId: first.workflowId,
			staticData: stored,
		});
		const again = await post(registrations(active)[0].url, body);
		expect(again).toEqual({
			status: 200,
			body: '{"status":"success","message":"Duplicate notification ignored"}',
		});
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(active.executions).toHaveLength(0);
	});

	it('a slow download is answered within the deadline (503: retry later); the PDFs arrive once, the retry is a duplicate', async () => {
		const workflow = await activate({ downloadFiles: true });
		const run = await workflow.runManual();
		const urn = String(run.output('Prepare Form')[0].json.urn);
		sandbox().addFault({ path: /^\/documents\//, kind: 'slow', delayMs: 5_000, times: 1 });
		const { url } = registrations(workflow)[0];
		const { files } = await sandbox().submit(urn);
		// The sandbox delivered it already; deliver it again at once, as a retry would.
		const started = Date.now();
		const retry = await post(url, JSON.stringify({ urn, files }));
		expect(Date.now() - started).toBeLessThan(4_500);
		expect(retry.status).toBe(503);
		await workflow.waitForExecutions(1, 15_000);
		const [item] = workflow.executions[0].output(TRIGGER);
		expect(Object.keys(item.binary ?? {})).toHaveLength(files.length);
		const late = await post(url, JSON.stringify({ urn, files }));
		expect(late).toEqual({
			status: 200,
			body: '{"status":"success","message":"Duplicate notification ignored"}',
		});
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(workflow.executions).toHaveLength(1);
	}, 30_000);

	it('Skip Duplicates off: every notification starts the workflow', async () => {
		const workflow = await activate({ skipDuplicates: false });
		const { url } = registrations(workflow)[0];
		const body = JSON.stringify({ urn: 'TST0000042', files: [] });
		expect((await post(url, body)).status).toBe(200);
		expect((await post(url, body)).status).toBe(200);
		await workflow.waitForExecutions(2);
	});

	it('Require Secret Token off: the plain production URL is accepted', async () => {
		const workflow = await activate({}, { requireToken: false });
		const plain = registrations(workflow)[0].url.replace(/\?.*/, '');
		const answer = await post(plain, JSON.stringify({ urn: 'TST0000077', files: [] }));
		expect(answer.status).toBe(200);
		await workflow.waitForExecutions(1);
		const { urn } = await prepareAndSubmit(workflow);
		await workflow.waitForExecutions(2);
		expect(workflow.executions[1].output(TRIGGER)[0].json.urn).toBe(urn);
	});
});
