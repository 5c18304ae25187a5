import http from 'node:http';
import { startSandbox } from '../../../tools/sandbox/index';
import type { Sandbox } from '../../../tools/sandbox/index';
import { call, KEY_A } from '../../../tools/sandbox/test-helpers';

/** A raw GET that reports exactly what came over the socket. */
function rawGet(
	url: string,
	headers: Record<string, string>,
): Promise<{ status?: number; body: string; error?: string; declared?: number }> {
	return new Promise((resolve) => {
		const request = http.get(url, { headers, agent: false }, (response) => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (data: string) => (body += data));
			response.on('end', () => resolve({ status: response.statusCode, body }));
			response.on('error', (error) =>
				resolve({
					status: response.statusCode,
					body,
					error: error.message,
					declared: Number(response.headers['content-length']),
				}),
			);
		});
		request.on('error', (error) => resolve({ body: '', error: error.message }));
	});
}

describe('sandbox fault injection', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterEach(() => sandbox.clearFaults());
	afterAll(() => sandbox.close());

	const auth = { Authorization: `Token token=${KEY_A}` };

	it('status: 500 with the API error shape, once by default, then normal again', async () => {
		sandbox.addFault({ path: '/react4r/v2/available_forms', kind: 'status', status: 500 });
		const failed = await call(sandbox, 'available_forms', { apiKey: KEY_A });
		expect(failed.status).toBe(500);
		expect(failed.json.status).toBe('error');
		expect(typeof failed.json.message).toBe('string');
		expect((await call(sandbox, 'available_forms', { apiKey: KEY_A })).status).toBe(200);
		expect(sandbox.requests[sandbox.requests.length - 2].status).toBe(500);
	});

	it('status: 502 with an HTML body, matched by method and RegExp, a given number of times', async () => {
		sandbox.addFault({
			method: 'GET',
			path: /referral/,
			kind: 'status',
			status: 502,
			body: '<html><body>Bad Gateway</body></html>',
			times: 2,
		});
		for (let i = 0; i < 2; i++) {
			const answer = await call(sandbox, 'batch_referral_status', { apiKey: KEY_A });
			expect(answer.status).toBe(502);
			expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
		}
		expect((await call(sandbox, 'batch_referral_status', { apiKey: KEY_A })).status).toBe(200);
	});

	it('times: Infinity keeps failing until cleared; method mismatch is not matched', async () => {
		sandbox.addFault({ method: 'POST', kind: 'apiError', message: 'never', times: Infinity });
		expect((await call(sandbox, 'available_forms', { apiKey: KEY_A })).status).toBe(200);
		sandbox.clearFaults();
		sandbox.addFault({ kind: 'status', status: 503, times: Infinity });
		for (let i = 0; i < 3; i++) expect((await call(sandbox, '', { apiKey: KEY_A })).status).toBe(503);
		sandbox.clearFaults();
		expect((await call(sandbox, '', { apiKey: KEY_A })).status).toBe(200);
	});

	it('apiError: 200 with {"status":"error","message"}', async () => {
		sandbox.addFault({
			path: '/react4r/v2/prepare_fileupload',
			kind: 'apiError',
			message: 'Fileupload quota exceeded',
		});
		const answer = await call(sandbox, 'prepare_fileupload', { apiKey: KEY_A });
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({ status: 'error', message: 'Fileupload quota exceeded' });
	});

	it('nonJson: 200 with an HTML page', async () => {
		sandbox.addFault({ kind: 'nonJson' });
		const answer = await call(sandbox, 'available_forms', { apiKey: KEY_A });
		expect(answer.status).toBe(200);
		expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
		expect(() => JSON.parse(answer.text)).toThrow();
	});

	it('slow: answers normally after the delay', async () => {
		sandbox.addFault({ kind: 'slow', delayMs: 300 });
		const started = Date.now();
		const answer = await call(sandbox, 'available_forms', { apiKey: KEY_A });
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
		expect(answer.status).toBe(200);
		sandbox.addFault({ kind: 'slow', delayMs: 200 });
		await expect(
			fetch(`${sandbox.baseUrl}available_forms`, { headers: auth, signal: AbortSignal.timeout(50) }),
		).rejects.toThrow();
	});

	it('truncated: declares a longer Content-Length than it sends, then ends the connection', async () => {
		sandbox.addFault({ kind: 'truncated' });
		const raw = await rawGet(`${sandbox.baseUrl}available_forms`, auth);
		expect(raw.status).toBe(200);
		expect(raw.error).toBeDefined();
		expect(raw.body.length).toBeLessThan(raw.declared ?? 0);
		sandbox.addFault({ kind: 'truncated' });
		await expect(call(sandbox, 'available_forms', { apiKey: KEY_A })).rejects.toThrow();
	});

	it('drop: the socket is destroyed without any answer; the sandbox keeps serving', async () => {
		sandbox.addFault({ kind: 'drop', path: '/react4r/v2/available_forms' });
		const raw = await rawGet(`${sandbox.baseUrl}available_forms`, auth);
		expect(raw.status).toBeUndefined();
		expect(raw.error).toMatch(/socket hang up|ECONNRESET/);
		expect(sandbox.requests[sandbox.requests.length - 1].status).toBe(0);
		expect((await call(sandbox, 'available_forms', { apiKey: KEY_A })).status).toBe(200);
	});

	it('redirect: 302 to another origin', async () => {
		sandbox.addFault({ kind: 'redirect', location: 'http://127.0.0.2:9/steal' });
		const answer = await call(sandbox, 'available_forms', { apiKey: KEY_A });
		expect(answer.status).toBe(302);
		expect(answer.headers.get('location')).toBe('http://127.0.0.2:9/steal');
		sandbox.addFault({ kind: 'redirect', location: 'http://127.0.0.2:9/steal', status: 307 });
		expect((await call(sandbox, 'available_forms', { apiKey: KEY_A })).status).toBe(307);
	});

	it('an unexpected exception inside the sandbox is a 500 with the error shape, and it keeps serving', async () => {
		const broken = await startSandbox({
			practices: [{ name: 'Broken', apiKey: KEY_A, forms: ['AdultRestorativeForm'] }],
		});
		try {
			// Corrupt the practice the sandbox holds, so prepare_form's validation throws a TypeError.
			(broken.practices[0] as { forms: unknown }).forms = null;
			const answer = await call(broken, 'prepare_form', {
				method: 'POST',
				apiKey: KEY_A,
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: 'form_type=AdultRestorativeForm&patient_dob=10/10/2010',
			});
			expect(answer.status).toBe(500);
			expect(answer.json.status).toBe('error');
			expect(broken.requests[0].status).toBe(500);
			expect((await call(broken, '', { apiKey: KEY_A })).status).toBe(200);
		} finally {
			await broken.close();
		}
	});

	it.each([
		['html', /^text\/html/, (text: string) => expect(text).toMatch(/^<!DOCTYPE html>.*sign_in/)],
		[
			'json',
			/^application\/json/,
			(text: string) =>
				expect(JSON.parse(text)).toMatchObject({ status: 'error', message: expect.any(String) }),
		],
		['empty', /^application\/pdf/, (text: string) => expect(text).toBe('')],
	] as const)(
		'notPdf %s: 200 on a document path with that body instead of the PDF',
		async (body, type, check) => {
			sandbox.addFault({ path: /^\/documents\//, kind: 'notPdf', body });
			const answer = await call(sandbox, '/documents/show/attachments/1/pdfs/original/TST0000001.pdf', {
				apiKey: KEY_A,
			});
			expect(answer.status).toBe(200);
			expect(answer.headers.get('content-type')).toMatch(type);
			check(answer.text);
			expect(answer.text.startsWith('%PDF-')).toBe(false);
		},
	);

	it("answer: 200 with the given JSON instead of the method's answer, then normal again", async () => {
		sandbox.addFault({ path: '/react4r/v2/prepare_fileupload', kind: 'answer', json: { status: 'success' } });
		const broken = await call(sandbox, 'prepare_fileupload', { method: 'POST', apiKey: KEY_A });
		expect(broken.status).toBe(200);
		expect(broken.json).toEqual({ status: 'success' });
		const normal = await call(sandbox, 'prepare_fileupload', { method: 'POST', apiKey: KEY_A });
		expect(typeof normal.json.fileupload_id).toBe('number');
	});

	it('refuses a fault with times 0', () => {
		expect(() => sandbox.addFault({ kind: 'drop', times: 0 })).toThrow();
	});
});
