import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';

import { apiRequests, runNode, useSandbox } from '../../../tools/engine/sandbox-workflow';
import { findKey } from '../../../tools/key-forms';

const getTypes = { resource: 'form', operation: 'getTypes' };

async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

describe('errors users see (the contract table), never with the key', () => {
	const sandbox = useSandbox();
	const host = () => new URL(sandbox().origin).host;

	it('401: the key was rejected; the wrong key is not printed', async () => {
		const wrongKey = randomBytes(10).toString('hex');
		const run = await runNode(sandbox(), getTypes, {
			credentials: { environment: 'custom', baseUrl: sandbox().baseUrl, apiKey: wrongKey },
		});
		expect(run.error?.message).toBe('The Dental Referrals API rejected the API key (HTTP 401)');
		expect(run.error?.description).toBe(
			'Check the API key and the environment in the Dental Referrals API credential.',
		);
		expect(findKey(JSON.stringify(run.run), wrongKey)).toEqual([]);
	});

	it('500: the API failed, with its message', async () => {
		sandbox().addFault({
			path: '/react4r/v2/available_forms',
			kind: 'status',
			status: 500,
			body: '{"status":"error","message":"Database is down"}',
		});
		const run = await runNode(sandbox(), getTypes);
		expect(run.error?.message).toBe('The Dental Referrals API failed (HTTP 500): Database is down');
		expect((run.error as { httpCode?: string }).httpCode).toBe('500');
	});

	it("500 then success: n8n's Retry On Fail recovers", async () => {
		sandbox().addFault({ path: '/react4r/v2/available_forms', kind: 'status', status: 500, times: 2 });
		const run = await runNode(sandbox(), getTypes, {
			settings: { retryOnFail: true, maxTries: 3, waitBetweenTries: 10 },
		});
		expect(run.error).toBeUndefined();
		expect(run.items.length).toBe(sandbox().practices[0].forms.length);
		expect(apiRequests(sandbox(), 'available_forms')).toHaveLength(3);
	});

	it('200 with status "error" is an error with the API message', async () => {
		sandbox().addFault({
			path: '/react4r/v2/available_forms',
			kind: 'apiError',
			message: 'Practice suspended',
		});
		const run = await runNode(sandbox(), getTypes);
		expect(run.error?.message).toBe('Practice suspended');
		expect(run.error?.description).toBe('The API answered HTTP 200 with status "error".');
	});

	it('a non-JSON reply names the status and host', async () => {
		sandbox().addFault({
			path: '/react4r/v2/available_forms',
			kind: 'status',
			status: 502,
			body: '<html>Bad gateway</html>',
			contentType: 'text/html',
		});
		const run = await runNode(sandbox(), getTypes);
		expect(run.error?.message).toBe(
			`The Dental Referrals API at ${host()} answered HTTP 502 with a body that is not JSON`,
		);
	});

	it('a reply slower than the Timeout option fails with the host and the wait', async () => {
		sandbox().addFault({ path: '/react4r/v2/available_forms', kind: 'slow', delayMs: 3000 });
		const run = await runNode(sandbox(), { ...getTypes, options: { timeout: 0.5 } });
		expect(run.error?.message).toBe(
			`Could not reach the Dental Referrals API at ${host()}: no answer within 0.5 s`,
		);
		expect(run.error?.description).toMatch(/^Network error ECONNABORTED\./);
	});

	it.each([0.0001, 3_000_000])('refuses Timeout %p seconds, which no timer can honour', async (timeout) => {
		const run = await runNode(sandbox(), { ...getTypes, options: { timeout } });
		expect(run.error?.message).toBe(
			`Timeout: must be a number of seconds from 0.001 to 2147483, got ${timeout} (item index 0)`,
		);
		expect(apiRequests(sandbox())).toHaveLength(0);
	});

	it('a refused connection names the host and the cause', async () => {
		const port = await closedPort();
		const run = await runNode(sandbox(), getTypes, {
			credentials: {
				environment: 'custom',
				baseUrl: `http://127.0.0.1:${port}/react4r/v2/`,
				apiKey: sandbox().practices[0].apiKey,
			},
		});
		expect(run.error?.message).toBe(
			`Could not reach the Dental Referrals API at 127.0.0.1:${port}: the connection was refused`,
		);
		expect(run.error?.description).toMatch(/^Network error ECONNREFUSED\./);
		expect(findKey(run.error?.stack ?? '', sandbox().practices[0].apiKey)).toEqual([]);
	});

	it.each(['drop', 'truncated'] as const)(
		'a connection cut short (%s) is reported, not swallowed',
		async (kind) => {
			sandbox().addFault({ path: '/react4r/v2/available_forms', kind });
			const run = await runNode(sandbox(), getTypes);
			expect(run.error?.message).toBe(
				`Could not reach the Dental Referrals API at ${host()}: the connection was closed before the answer was complete`,
			);
		},
	);

	it('a redirect from the API is not followed', async () => {
		sandbox().addFault({
			path: '/react4r/v2/available_forms',
			kind: 'redirect',
			location: 'http://127.0.0.9:1/collect',
		});
		const run = await runNode(sandbox(), getTypes);
		expect(run.error?.message).toBe(
			`The Dental Referrals API at ${host()} answered with a redirect (HTTP 302) to http://127.0.0.9:1`,
		);
		expect(apiRequests(sandbox())).toHaveLength(1);
	});

	it('Continue On Fail keeps the error on its item; other items still run', async () => {
		sandbox().addFault({ path: '/react4r/v2/referral_status', kind: 'status', status: 500, times: 1 });
		const run = await runNode(
			sandbox(),
			{ resource: 'referral', operation: 'get', urn: '={{ $json.urn }}' },
			{ continueOnFail: true, items: [{ urn: 'TST0000001' }, { urn: 'TST0000002' }] },
		);
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(2);
		expect(run.items[0]).toMatchObject({ json: { httpCode: '500' }, pairedItem: { item: 0 } });
		expect(run.items[1]).toMatchObject({ json: { httpCode: '404' }, pairedItem: { item: 1 } });
	});
});
