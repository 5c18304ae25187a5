import { readBinary } from '../../../../tools/engine/run-workflow';
import { apiRequests, runNode, useSandbox } from '../../../../tools/engine/sandbox-workflow';

describe('document resource: Download PDF', () => {
	const sandbox = useSandbox();
	// Most tests download into the property `data`: only the URL and the run options differ.
	const download = (documentUrl: string, options?: Parameters<typeof runNode>[2]) =>
		runNode(
			sandbox(),
			{ resource: 'document', operation: 'download', documentUrl, binaryPropertyName: 'data' },
			options,
		);

	async function submittedFiles(): Promise<string[]> {
		const prepared = await runNode(sandbox(), {
			resource: 'form',
			operation: 'prepare',
			formType: sandbox().practices[0].forms[0],
			patientDob: '01/01/2000',
		});
		const { files } = await sandbox().submit(String(prepared.items[0].json.urn));
		sandbox().clearRequests();
		return files;
	}

	it('writes the PDF to the named binary property, keeping the input item', async () => {
		const [url] = await submittedFiles();
		const run = await runNode(
			sandbox(),
			{
				resource: 'document',
				operation: 'download',
				documentUrl: '={{ $json.url }}',
				binaryPropertyName: 'pdf',
			},
			{ items: [{ url, urn: 'kept' }] },
		);
		expect(run.error).toBeUndefined();
		const item = run.items[0];
		expect(item.json).toEqual({ url, urn: 'kept' });
		const binary = item.binary?.pdf;
		expect(binary?.mimeType).toBe('application/pdf');
		expect(binary?.fileName).toBe(decodeURIComponent(url.split('/').pop() ?? ''));
		const bytes = await readBinary(binary!);
		expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
		expect(bytes.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
		const [request] = apiRequests(sandbox());
		expect(request.headers.authorization).toBe(`Token token=${sandbox().practices[0].apiKey}`);
	});

	it.each([
		['From List', 'list'],
		['By URL', 'url'],
	])('node version 2: the Document locator (%s) downloads the same PDF', async (_label, mode) => {
		const [url] = await submittedFiles();
		const run = await runNode(
			sandbox(),
			{ resource: 'document', operation: 'download', documentUrl: { __rl: true, mode, value: url } },
			{ typeVersion: 2 },
		);
		expect(run.error).toBeUndefined();
		expect(run.items[0].binary?.data?.mimeType).toBe('application/pdf');
		expect(apiRequests(sandbox()).map((request) => request.path)).toEqual([new URL(url).pathname]);
	});

	it("asks for the document with the documented Accept: application/json (the seed's only PDF request)", async () => {
		const [url] = await submittedFiles();
		const run = await download(url);
		expect(run.error).toBeUndefined();
		const [request] = apiRequests(sandbox());
		expect(request.path).toBe(new URL(url).pathname);
		expect(request.headers.accept).toBe('application/json');
	});

	it.each([
		['html', 'HTML (content type text/html; charset=utf-8)'],
		['json', 'JSON (content type application/json; charset=utf-8)'],
		['empty', 'an empty body (content type application/pdf)'],
	] as const)(
		'a 200 answer that is not a PDF (%s) fails that item naming what came back; the others succeed',
		async (body, what) => {
			const [first, second] = await submittedFiles();
			sandbox().addFault({ path: new URL(second).pathname, kind: 'notPdf', body });
			const run = await download('={{ $json.url }}', {
				items: [{ url: first }, { url: second }, { url: first }],
				continueOnFail: true,
			});
			expect(run.error).toBeUndefined();
			expect(run.items).toHaveLength(3);
			const name = decodeURIComponent(second.split('/').pop() ?? '');
			const host = new URL(sandbox().origin).host;
			expect(run.items[1].json.error).toBe(
				`Document ${name} is not a PDF: the API at ${host} answered HTTP 200 with ${what}`,
			);
			expect(run.items[1].binary?.data).toBeUndefined();
			expect(run.items[1].pairedItem).toEqual({ item: 1 });
			if (body === 'json') expect(String(run.items[1].json.description)).toMatch(/^Not Authorized/);
			for (const index of [0, 2]) {
				const bytes = await readBinary(run.items[index].binary!.data);
				expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
			}
			expect(apiRequests(sandbox()).map((request) => request.status)).toEqual([200, 200, 200]);
		},
	);

	it('the PDF signature may come after up to 1019 bytes of junk, as PDF readers allow; not after 1024', async () => {
		const [url] = await submittedFiles();
		const pdf = (junk: number) => `${' '.repeat(junk)}%PDF-1.4\n%%EOF\n`;
		const serve = (body: string) =>
			sandbox().addFault({
				path: new URL(url).pathname,
				kind: 'status',
				status: 200,
				body,
				contentType: 'application/pdf',
			});
		serve(pdf(1019));
		serve(pdf(1024));
		const run = await download(url, { items: [{}, {}], continueOnFail: true });
		expect((await readBinary(run.items[0].binary!.data)).toString()).toBe(pdf(1019));
		expect(run.items[1].json.error).toMatch(
			/is not a PDF: .* with other content \(content type application\/pdf\)$/,
		);
	});

	it('without Continue On Fail, a sign-in page instead of the PDF fails the node', async () => {
		const [url] = await submittedFiles();
		sandbox().addFault({ path: new URL(url).pathname, kind: 'notPdf', body: 'html' });
		const run = await download(url);
		expect(run.error?.message).toMatch(
			/ is not a PDF: .* answered HTTP 200 with HTML \(content type text\/html/,
		);
	});

	it('refuses a URL on another origin before any request: the key never leaves the API origin', async () => {
		const run = await download('http://127.0.0.2:9/documents/TST0000001.pdf');
		expect(run.error?.message).toBe(
			`Document URL: is on http://127.0.0.2:9, not on the credential's API origin ${sandbox().origin} (item index 0)`,
		);
		expect(apiRequests(sandbox())).toHaveLength(0);
	});

	it("another practice's document is refused with 401", async () => {
		const [url] = await submittedFiles();
		const run = await download(url, { practice: 1 });
		expect(run.error?.message).toBe('The Dental Referrals API rejected the API key (HTTP 401)');
	});

	it('a redirect to another origin is not followed', async () => {
		const [url] = await submittedFiles();
		sandbox().addFault({
			path: new URL(url).pathname,
			kind: 'redirect',
			location: 'http://127.0.0.3:9/steal',
		});
		const run = await download(url);
		expect(run.error?.message).toBe(
			`The Dental Referrals API at ${new URL(sandbox().origin).host} answered with a redirect (HTTP 302) to http://127.0.0.3:9`,
		);
	});

	it('a large PDF streams into the binary store intact', async () => {
		const size = 8 * 1024 * 1024 + 123;
		const url = sandbox().addSyntheticDocument(sandbox().practices[0].apiKey, size);
		const run = await download(url);
		expect(run.error).toBeUndefined();
		const binary = run.items[0].binary!.data;
		expect(binary.id).toMatch(/^filesystem/);
		const bytes = await readBinary(binary);
		expect(bytes.length).toBe(size);
		expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
	});
});
