import { get } from 'node:http';

import { startSandbox } from '../../../tools/sandbox/index';
import type { Sandbox } from '../../../tools/sandbox/index';
import { call, KEY_A, KEY_B, prepare } from '../../../tools/sandbox/test-helpers';

async function download(url: string, apiKey?: string) {
	const response = await fetch(url, { headers: apiKey ? { Authorization: `Token token=${apiKey}` } : {} });
	return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

function expectPdf(bytes: Buffer) {
	expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
	expect(bytes.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
}

describe('sandbox documents: PDFs of submitted referrals', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.close());

	it("submit makes one PDF per form plus <URN>_MH.pdf, downloadable with the owner's key only", async () => {
		const prepared = await prepare(sandbox, KEY_A, { medical_history_drugs: 'Aspirin' });
		const { urn, files } = await sandbox.submit(prepared.urn);
		expect(files).toEqual([
			expect.stringMatching(
				new RegExp(
					`^${sandbox.origin}/documents/show/attachments/\\d+/pdfs/original/${urn}_AdultRestorativeForm\\.pdf$`,
				),
			),
			expect.stringMatching(
				new RegExp(`^${sandbox.origin}/documents/show/attachments/\\d+/pdfs/original/${urn}_MH\\.pdf$`),
			),
		]);
		for (const url of files) {
			const { response, bytes } = await download(url, KEY_A);
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('application/pdf');
			expect(Number(response.headers.get('content-length'))).toBe(bytes.length);
			expectPdf(bytes);
			expect(bytes.toString('latin1')).toContain(urn);
		}
		expect((await download(files[0], KEY_A)).bytes.toString('latin1')).toContain('AdultRestorativeForm');
		expect((await download(files[1], KEY_A)).bytes.toString('latin1')).toContain('Aspirin');

		const anonymous = await call(sandbox, files[0]);
		expect(anonymous.status).toBe(401);
		expect(anonymous.json.status).toBe('error');
		expect((await call(sandbox, files[0], { apiKey: KEY_B })).status).toBe(401);
		expect((await call(sandbox, `${files[0]}?api_key=${KEY_A}`)).status).toBe(401);
		expect(
			(
				await call(sandbox, '/documents/show/attachments/999/pdfs/original/TST9999999_MH.pdf', {
					apiKey: KEY_A,
				})
			).status,
		).toBe(404);
	});

	it("a path starting with '//' is a path (404, recorded), not a scheme-relative URL", async () => {
		sandbox.clearRequests();
		const status = await new Promise<number>((resolve, reject) => {
			const request = get(
				`${sandbox.origin}/`,
				{ path: "//'x/documents/a.pdf", headers: { Authorization: `Token token=${KEY_A}` } },
				(response) => {
					response.resume();
					resolve(response.statusCode ?? 0);
				},
			);
			request.on('error', reject);
		});
		expect(status).toBe(404);
		expect(sandbox.requests.map((request) => request.path)).toEqual(["//'x/documents/a.pdf"]);
	});

	it('medical_forms_as_single_file=1 merges into one <URN>.pdf with both pages', async () => {
		const prepared = await prepare(sandbox, KEY_A, { medical_forms_as_single_file: '1' });
		const { files } = await sandbox.submit(prepared.urn);
		expect(files).toHaveLength(1);
		expect(files[0]).toMatch(new RegExp(`/${prepared.urn}\\.pdf$`));
		const { bytes } = await download(files[0], KEY_A);
		expectPdf(bytes);
		expect(bytes.toString('latin1')).toContain('/Count 2');
	});

	it('serves a large synthetic PDF of exactly N bytes as a stream (control endpoint and in-process)', async () => {
		const bytes = 20 * 1024 * 1024 + 7;
		const control = await fetch(`${sandbox.origin}/__sandbox/documents`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ apiKey: KEY_A, bytes }),
		});
		const { url } = (await control.json()) as { url: string };
		expect(url).toMatch(new RegExp(`^${sandbox.origin}/documents/`));
		const { response, bytes: body } = await download(url, KEY_A);
		expect(response.status).toBe(200);
		expect(Number(response.headers.get('content-length'))).toBe(bytes);
		expect(body.length).toBe(bytes);
		expectPdf(body);
		expect((await call(sandbox, url, { apiKey: KEY_B })).status).toBe(401);

		const small = sandbox.addSyntheticDocument(KEY_B, 5000);
		const second = await download(small, KEY_B);
		expect(second.bytes.length).toBe(5000);
		expectPdf(second.bytes);
		expect(() => sandbox.addSyntheticDocument('nope', 10)).toThrow();
	});
});
