import { startSandbox } from '../../../tools/sandbox/index';
import type { RecordedRequest, Sandbox, WebhookAttempt } from '../../../tools/sandbox/index';
import { call, KEY_A, PATIENT, post, prepare, startReceiver } from '../../../tools/sandbox/test-helpers';

async function control(sandbox: Sandbox, method: string, action: string, body?: unknown) {
	const response = await fetch(`${sandbox.origin}/__sandbox/${action}`, {
		method,
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, json: (await response.json()) as unknown };
}

describe('sandbox request recording and control endpoints', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ webhookTimeScale: 1e-5 });
	});
	beforeEach(() => sandbox.clearRequests());
	afterAll(() => sandbox.close());

	it('records every request in order with method, path, decoded query, headers, form, apiKey, status', async () => {
		await call(sandbox, 'patient_referrals?ptguid=YWJj%2BZA%3D%3D&count=2', { apiKey: KEY_A });
		await post(sandbox, 'prepare_form', KEY_A, { ...PATIENT, patient_last_name: 'Doe & Sons' });
		await call(sandbox, 'available_forms');
		expect(sandbox.requests).toHaveLength(3);
		const [status, prepared, anonymous] = sandbox.requests;
		expect(status).toMatchObject({
			method: 'GET',
			path: '/react4r/v2/patient_referrals',
			query: { ptguid: 'YWJj+ZA==', count: '2' },
			apiKey: KEY_A,
			status: 200,
		});
		expect(status.headers.authorization).toBe(`Token token=${KEY_A}`);
		expect(prepared.contentType).toBe('application/x-www-form-urlencoded');
		expect(prepared.form).toEqual({ ...PATIENT, patient_last_name: 'Doe & Sons' });
		expect(prepared.bodyText).toContain('patient_last_name=Doe+%26+Sons');
		expect(anonymous.apiKey).toBeUndefined();
		expect(anonymous.status).toBe(401);
		expect(status.at).toBeLessThanOrEqual(prepared.at);
	});

	it('GET/DELETE /__sandbox/requests, not recording control calls themselves', async () => {
		await call(sandbox, 'available_forms', { apiKey: KEY_A });
		const listed = await control(sandbox, 'GET', 'requests');
		expect(listed.status).toBe(200);
		expect((listed.json as RecordedRequest[]).map((r) => r.path)).toEqual(['/react4r/v2/available_forms']);
		expect((await control(sandbox, 'DELETE', 'requests')).status).toBe(200);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('POST/DELETE /__sandbox/faults', async () => {
		expect(
			(
				await control(sandbox, 'POST', 'faults', {
					kind: 'status',
					status: 500,
					path: '/react4r/v2/available_forms',
					times: 'Infinity',
				})
			).status,
		).toBe(200);
		expect((await call(sandbox, 'available_forms', { apiKey: KEY_A })).status).toBe(500);
		expect((await call(sandbox, 'available_forms', { apiKey: KEY_A })).status).toBe(500);
		expect((await control(sandbox, 'DELETE', 'faults')).status).toBe(200);
		expect((await call(sandbox, 'available_forms', { apiKey: KEY_A })).status).toBe(200);
		expect((await control(sandbox, 'POST', 'faults', { kind: 'nope' })).status).toBe(400);
		expect((await control(sandbox, 'POST', 'faults', { kind: 'slow' })).status).toBe(400);
		expect((await control(sandbox, 'POST', 'faults', { kind: 'notPdf', body: 'xml' })).status).toBe(400);
		expect((await control(sandbox, 'POST', 'faults', { kind: 'answer' })).status).toBe(400);
		const answer = { kind: 'answer', path: '/react4r/v2/available_forms', json: { status: 'success' } };
		expect((await control(sandbox, 'POST', 'faults', answer)).status).toBe(200);
		expect((await call(sandbox, 'available_forms', { apiKey: KEY_A })).json).toEqual({ status: 'success' });
	});

	it('POST /__sandbox/submit and /__sandbox/status, GET /__sandbox/webhook-attempts', async () => {
		const receiver = await startReceiver([200]);
		try {
			const prepared = await prepare(sandbox, KEY_A, { files_ready_webhook_url: receiver.url });
			const submitted = await control(sandbox, 'POST', 'submit', {
				urn: prepared.urn,
				referralReason: 'Implants',
			});
			expect(submitted.status).toBe(200);
			const { urn, files } = submitted.json as { urn: string; files: string[] };
			expect(urn).toBe(prepared.urn);
			expect(files).toHaveLength(2);
			expect((await control(sandbox, 'POST', 'submit', { urn: prepared.urn })).status).toBe(409);
			expect((await control(sandbox, 'POST', 'submit', { urn: 'TST0999999' })).status).toBe(404);
			expect((await control(sandbox, 'POST', 'submit', {})).status).toBe(400);

			expect((await control(sandbox, 'POST', 'status', { urn, status: 'Accepted' })).status).toBe(200);
			const status = await call(sandbox, `referral_status?urn=${urn}`, { apiKey: KEY_A });
			expect(status.json).toMatchObject({ referral_status: 'Accepted', referral_reason: 'Implants' });
			expect((await control(sandbox, 'POST', 'status', { urn: 'TST0999999', status: 'x' })).status).toBe(404);

			await sandbox.waitFor(() => receiver.received.length === 1);
			await sandbox.waitFor(() => sandbox.webhookAttempts.length === 1);
			const attempts = (await control(sandbox, 'GET', 'webhook-attempts')).json as WebhookAttempt[];
			expect(attempts).toEqual([
				expect.objectContaining({ urn, url: receiver.url, attempt: 1, status: 200 }),
			]);
		} finally {
			await receiver.close();
		}
	});

	it('GET /__sandbox/practices, unknown control endpoints and bad JSON', async () => {
		expect((await control(sandbox, 'GET', 'practices')).json).toEqual(sandbox.practices);
		expect((await control(sandbox, 'GET', 'nothing')).status).toBe(404);
		const bad = await fetch(`${sandbox.origin}/__sandbox/submit`, { method: 'POST', body: '{not json' });
		expect(bad.status).toBe(400);
		expect((await control(sandbox, 'POST', 'documents', { apiKey: KEY_A, bytes: -1 })).status).toBe(400);
		expect((await control(sandbox, 'POST', 'documents', { apiKey: 'unknown', bytes: 100 })).status).toBe(400);
		expect(sandbox.requests).toHaveLength(0);
	});
});
