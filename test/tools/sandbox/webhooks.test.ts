import { RETRY_DELAYS_MS, startSandbox } from '../../../tools/sandbox/index';
import type { Sandbox } from '../../../tools/sandbox/index';
import { KEY_A, prepare, startReceiver } from '../../../tools/sandbox/test-helpers';

// 2e-5 turns 1 h / 4 h / 1 day into 72 ms / 288 ms / 1728 ms.
const SCALE = 2e-5;

describe('sandbox files-ready webhook', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ webhookTimeScale: SCALE, webhookTimeoutMs: 500 });
	});
	afterAll(() => sandbox.close());

	it('POSTs {urn, files} as JSON after submit, without blocking the submit', async () => {
		const receiver = await startReceiver([200]);
		try {
			const prepared = await prepare(sandbox, KEY_A, { files_ready_webhook_url: receiver.url });
			const submitted = await sandbox.submit(prepared.urn);
			// The delivery happens after submit returned.
			expect(receiver.received).toHaveLength(0);
			await sandbox.waitFor(() => receiver.received.length === 1);
			const [delivery] = receiver.received;
			expect(delivery.headers['content-type']).toBe('application/json');
			expect(delivery.headers.authorization).toBeUndefined();
			expect(JSON.parse(delivery.body)).toEqual({ urn: prepared.urn, files: submitted.files });
			await sandbox.waitFor(() => sandbox.webhookAttempts.some((a) => a.urn === prepared.urn));
			expect(sandbox.webhookAttempts.filter((a) => a.urn === prepared.urn)).toEqual([
				{
					urn: prepared.urn,
					url: receiver.url,
					attempt: 1,
					at: expect.any(Number),
					durationMs: expect.any(Number),
					status: 200,
				},
			]);
		} finally {
			await receiver.close();
		}
	});

	it('retries a non-200 answer 3 more times, spaced 1 h : 4 h : 1 day (scaled)', async () => {
		const receiver = await startReceiver([500, 201, 404, 503]);
		try {
			const prepared = await prepare(sandbox, KEY_A, { files_ready_webhook_url: receiver.url });
			await sandbox.submit(prepared.urn);
			const mine = () => sandbox.webhookAttempts.filter((a) => a.urn === prepared.urn);
			await sandbox.waitFor(() => mine().length === 4, 5000);
			const attempts = mine();
			expect(attempts.map((a) => [a.attempt, a.status])).toEqual([
				[1, 500],
				[2, 201],
				[3, 404],
				[4, 503],
			]);
			const gaps = [
				attempts[1].at - attempts[0].at,
				attempts[2].at - attempts[1].at,
				attempts[3].at - attempts[2].at,
			];
			RETRY_DELAYS_MS.forEach((delay, i) => {
				expect(gaps[i]).toBeGreaterThanOrEqual(delay * SCALE - 2);
				expect(gaps[i]).toBeLessThan(delay * SCALE + 250);
			});
			// Roughly 1 : 4 : 24.
			expect(gaps[1] / gaps[0]).toBeGreaterThan(2);
			expect(gaps[1] / gaps[0]).toBeLessThan(6);
			expect(gaps[2] / gaps[0]).toBeGreaterThan(10);
			expect(gaps[2] / gaps[0]).toBeLessThan(30);
			// No fifth attempt.
			await new Promise((resolve) => setTimeout(resolve, 100));
			expect(mine()).toHaveLength(4);
			expect(receiver.received).toHaveLength(4);
		} finally {
			await receiver.close();
		}
	});

	it('retries after a network error and stops retrying once it gets a 200', async () => {
		const receiver = await startReceiver([200]);
		const deadUrl = receiver.url;
		await receiver.close();
		const prepared = await prepare(sandbox, KEY_A, { files_ready_webhook_url: deadUrl });
		await sandbox.submit(prepared.urn);
		await sandbox.waitFor(() => sandbox.webhookAttempts.some((a) => a.urn === prepared.urn));
		const [first] = sandbox.webhookAttempts.filter((a) => a.urn === prepared.urn);
		expect(first.status).toBeUndefined();
		expect(first.error).toMatch(/ECONNREFUSED/);

		const flaky = await startReceiver([500, 200]);
		try {
			const second = await prepare(sandbox, KEY_A, { files_ready_webhook_url: flaky.url });
			await sandbox.submit(second.urn);
			await sandbox.waitFor(() => sandbox.webhookAttempts.filter((a) => a.urn === second.urn).length === 2);
			await new Promise((resolve) => setTimeout(resolve, 400));
			expect(sandbox.webhookAttempts.filter((a) => a.urn === second.urn).map((a) => a.status)).toEqual([
				500, 200,
			]);
		} finally {
			await flaky.close();
		}
	});

	it('close() cancels pending retries (a fresh sandbox with unscaled delays)', async () => {
		const receiver = await startReceiver([500]);
		const slow = await startSandbox();
		try {
			const prepared = await prepare(slow, KEY_A, { files_ready_webhook_url: receiver.url });
			await slow.submit(prepared.urn);
			await slow.waitFor(() => slow.webhookAttempts.length === 1);
		} finally {
			await slow.close();
			await slow.close();
			await receiver.close();
		}
		// jest would report an open handle / not exit if the 1 h retry timer were still pending.
		expect(slow.webhookAttempts).toHaveLength(1);
	});

	it('waitFor rejects with a clear message on timeout', async () => {
		await expect(sandbox.waitFor(() => false, 50)).rejects.toThrow(
			/waitFor: condition still false after 50 ms/,
		);
	});
});
