import { DEMO_PRACTICES, NOT_AUTHORIZED_MESSAGE, startSandbox } from '../../../tools/sandbox/index';
import type { Sandbox } from '../../../tools/sandbox/index';
import { call, KEY_A, prepare } from '../../../tools/sandbox/test-helpers';

const EXPECTED_401 = {
	status: 'error',
	message:
		'Not Authorized. Check that you are providing a valid API key and that you have access to requested resource.',
};

describe('sandbox authentication', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.close());

	it('starts on a free loopback port with the API root under /react4r/v2/', () => {
		expect(sandbox.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(sandbox.baseUrl).toBe(`${sandbox.origin}/react4r/v2/`);
		expect(sandbox.practices).toEqual(DEMO_PRACTICES);
	});

	it('demo practices: at least 3, 20-hex keys, one with a single form', () => {
		expect(DEMO_PRACTICES.length).toBeGreaterThanOrEqual(3);
		for (const practice of DEMO_PRACTICES) expect(practice.apiKey).toMatch(/^[0-9a-f]{20}$/);
		expect(DEMO_PRACTICES.some((practice) => practice.forms.length === 1)).toBe(true);
		expect(DEMO_PRACTICES[0].apiKey).toBe('42a42a42a42a424a2aa4');
	});

	it('answers the API root with {"status":"success"} for a valid key', async () => {
		const answer = await call(sandbox, '', { apiKey: KEY_A });
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({ status: 'success' });
		expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
	});

	it.each([
		['no header', {}],
		['an unknown key', { Authorization: 'Token token=0000000000aaaaaaaaaa' }],
		['the Bearer scheme', { Authorization: `Bearer ${KEY_A}` }],
		['a bare key', { Authorization: KEY_A }],
		['a quoted key', { Authorization: `Token token="${KEY_A}"` }],
		['lower-case scheme', { Authorization: `token token=${KEY_A}` }],
		['the key in another header', { 'X-Api-Key': KEY_A }],
	])('refuses %s with the documented 401 body', async (_label, headers) => {
		for (const path of ['', 'available_forms', 'batch_referral_status', 'no_such_method']) {
			const answer = await call(sandbox, path, { headers });
			expect(answer.status).toBe(401);
			expect(answer.json).toEqual(EXPECTED_401);
		}
		expect(NOT_AUTHORIZED_MESSAGE).toBe(EXPECTED_401.message);
	});

	it('refuses the v1 ?api_key= style even with a valid key, and even alongside a valid header', async () => {
		const alone = await call(sandbox, `available_forms?api_key=${KEY_A}`);
		expect(alone.status).toBe(401);
		expect(alone.json).toEqual(EXPECTED_401);
		const both = await call(sandbox, `available_forms?api_key=${KEY_A}`, { apiKey: KEY_A });
		expect(both.status).toBe(401);
	});

	it('keeps the v1 URL unknown and unknown API methods at 404 once authenticated', async () => {
		expect((await call(sandbox, 'no_such_method', { apiKey: KEY_A })).status).toBe(404);
		expect((await call(sandbox, '/refadmin/react4r/v1/available_forms', { apiKey: KEY_A })).status).toBe(404);
		expect((await call(sandbox, 'available_forms', { apiKey: KEY_A, method: 'DELETE' })).status).toBe(404);
	});
});

describe('sandbox key rotation', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ webhookTimeScale: 0.001 });
	});
	afterAll(() => sandbox.close());

	it('the practice gets a new key: the old one is refused, its referrals and PDFs stay its own', async () => {
		const { urn } = await prepare(sandbox, KEY_A);
		const { files } = await sandbox.submit(urn, { skipWebhook: true });
		const newKey = sandbox.rotateKey(0);
		expect(newKey).toMatch(/^[0-9a-f]{20}$/);
		expect(sandbox.practices[0].apiKey).toBe(newKey);
		expect((await call(sandbox, '', { apiKey: KEY_A })).status).toBe(401);
		const status = await call(sandbox, `referral_status?urn=${urn}`, { apiKey: newKey });
		expect(status.json).toMatchObject({ status: 'success', referral_files: files });
		expect((await call(sandbox, files[0], { apiKey: newKey })).status).toBe(200);
		expect((await call(sandbox, files[0], { apiKey: KEY_A })).status).toBe(401);
		expect(sandbox.webhookAttempts).toHaveLength(0);
	});

	it('is offered to other processes as POST /__sandbox/rotate-key', async () => {
		const oldKey = sandbox.practices[1].apiKey;
		const answer = await fetch(`${sandbox.origin}/__sandbox/rotate-key`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ apiKey: oldKey }),
		});
		const { apiKey } = (await answer.json()) as { apiKey: string };
		expect(apiKey).toBe(sandbox.practices[1].apiKey);
		expect(apiKey).not.toBe(oldKey);
	});
});
