import { createHash } from 'node:crypto';
import { startSandbox } from '../../../tools/sandbox/index';
import type { Sandbox } from '../../../tools/sandbox/index';
import { UPLOAD_CONTENT_TYPES } from '../../../tools/sandbox/validation';
import { authHeader, call, KEY_A, KEY_B, prepare, streamUpload } from '../../../tools/sandbox/test-helpers';

const RADIOGRAPH = {
	'Upload-Content-Type': 'image/jpeg',
	'Upload-Filename': 'file.jpg',
	'Upload-Kind': 'radiograph',
	'Upload-Date': '29/01/2016',
};

function multipart(
	parts: Array<{ name: string; filename?: string; type?: string; data: Buffer | string }>,
	boundary = 'XyZ',
) {
	const chunks: Buffer[] = [];
	for (const part of parts) {
		const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}`;
		chunks.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ''}\r\n`,
			),
		);
		chunks.push(Buffer.from(part.data));
		chunks.push(Buffer.from('\r\n'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('sandbox fileuploads: prepare_fileupload and add_file', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.close());

	async function newFileupload(apiKey = KEY_A): Promise<number> {
		const answer = await call(sandbox, 'prepare_fileupload', { apiKey, method: 'POST' });
		expect(answer.status).toBe(200);
		return answer.json.fileupload_id as number;
	}

	async function addFile(
		id: number | string,
		headers: Record<string, string>,
		body?: { body: Buffer; contentType: string },
		apiKey = KEY_A,
	) {
		const payload =
			body ??
			multipart([{ name: 'file', filename: 'file.jpg', type: 'image/jpeg', data: Buffer.alloc(1000, 1) }]);
		return call(sandbox, `fileupload/${id}/add_file`, {
			method: 'POST',
			apiKey,
			headers: { ...headers, 'Content-Type': payload.contentType },
			body: payload.body,
		});
	}

	it('prepare_fileupload answers a numeric id on GET and POST', async () => {
		const get = await call(sandbox, 'prepare_fileupload', { apiKey: KEY_A });
		expect(get.json).toEqual({ status: 'success', fileupload_id: expect.any(Number) });
		const postId = await newFileupload();
		expect(postId).not.toBe(get.json.fileupload_id);
	});

	it("add_file accepts a radiograph and records the part's size and sha256 (fetch + FormData)", async () => {
		const id = await newFileupload();
		const bytes = Buffer.from('fake jpeg bytes '.repeat(1000));
		const form = new FormData();
		form.append('file', new Blob([bytes], { type: 'image/jpeg' }), 'file.jpg');
		const answer = await call(sandbox, `fileupload/${id}/add_file`, {
			method: 'POST',
			apiKey: KEY_A,
			headers: RADIOGRAPH,
			body: form,
		});
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({ status: 'success' });
		const record = sandbox.requests[sandbox.requests.length - 1];
		expect(record.parts).toEqual([
			{
				name: 'file',
				filename: 'file.jpg',
				contentType: 'image/jpeg',
				size: bytes.length,
				sha256: createHash('sha256').update(bytes).digest('hex'),
				headerLines: expect.any(Array),
			},
		]);
		expect(record.bodyText).toBeUndefined();
	});

	it('Upload-Kind defaults to other, which needs no Upload-Date', async () => {
		const id = await newFileupload();
		const answer = await addFile(id, {
			'Upload-Content-Type': 'application/pdf',
			'Upload-Filename': 'letter.pdf',
		});
		expect(answer.status).toBe(200);
	});

	it.each([
		['no Upload-Content-Type', { 'Upload-Content-Type': undefined }, 'Upload-Content-Type'],
		['an unsupported Upload-Content-Type', { 'Upload-Content-Type': 'image/gif' }, 'Upload-Content-Type'],
		['no Upload-Filename', { 'Upload-Filename': undefined }, 'Upload-Filename'],
		['an unknown Upload-Kind', { 'Upload-Kind': 'xray' }, 'Upload-Kind'],
		['a radiograph without Upload-Date', { 'Upload-Date': undefined }, 'Upload-Date'],
		['an impossible Upload-Date', { 'Upload-Date': '30/02/2016' }, 'Upload-Date'],
		['an ISO Upload-Date', { 'Upload-Date': '2016-01-29' }, 'Upload-Date'],
	])('refuses %s with 400 naming the header', async (_label, change, header) => {
		const id = await newFileupload();
		const headers: Record<string, string> = { ...RADIOGRAPH };
		for (const [name, value] of Object.entries(change)) {
			if (value === undefined) delete headers[name];
			else headers[name] = value;
		}
		const answer = await addFile(id, headers);
		expect(answer.status).toBe(400);
		expect(answer.json.status).toBe('error');
		expect(answer.json.message).toContain(header);
	});

	it('accepts each documented content type', async () => {
		// The sandbox's own copy of the API documentation's list; the product's separate copy is checked
		// against this sandbox in test/nodes/DentalReferrals/file-upload/upload.test.ts.
		expect(UPLOAD_CONTENT_TYPES).not.toHaveLength(0);
		const id = await newFileupload();
		for (const type of UPLOAD_CONTENT_TYPES) {
			expect((await addFile(id, { ...RADIOGRAPH, 'Upload-Content-Type': type })).status).toBe(200);
		}
	});

	it('refuses a body without a part named file, and a body that is not multipart', async () => {
		const id = await newFileupload();
		const wrongName = await addFile(
			id,
			RADIOGRAPH,
			multipart([{ name: 'upload', filename: 'a.jpg', data: 'x' }]),
		);
		expect(wrongName.status).toBe(400);
		expect(wrongName.json.message).toContain('file');
		const notMultipart = await addFile(id, RADIOGRAPH, {
			body: Buffer.from('raw'),
			contentType: 'image/jpeg',
		});
		expect(notMultipart.status).toBe(400);
		const broken = await addFile(id, RADIOGRAPH, {
			body: Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="file"\r\n\r\nno end'),
			contentType: 'multipart/form-data; boundary=XyZ',
		});
		expect(broken.status).toBe(400);
	});

	it("unknown ids and another practice's fileupload are 404", async () => {
		expect((await addFile(999999, RADIOGRAPH)).status).toBe(404);
		expect((await addFile('abc', RADIOGRAPH)).status).toBe(404);
		const theirs = await newFileupload(KEY_B);
		const answer = await addFile(theirs, RADIOGRAPH);
		expect(answer.status).toBe(404);
		expect(answer.json.status).toBe('error');
		expect((await addFile(theirs, RADIOGRAPH, undefined, KEY_B)).status).toBe(200);
	});

	it('a fileupload expires once its referral is submitted (404 saying so), also for prepare_form', async () => {
		const id = await newFileupload();
		expect((await addFile(id, RADIOGRAPH)).status).toBe(200);
		const prepared = await prepare(sandbox, KEY_A, { fileupload_id: String(id) });
		expect((await addFile(id, RADIOGRAPH)).status).toBe(200);
		await sandbox.submit(prepared.urn);
		const late = await addFile(id, RADIOGRAPH);
		expect(late.status).toBe(404);
		expect(late.json.message).toMatch(/expired/);
		const reuse = await prepare(sandbox, KEY_A).then(() =>
			call(sandbox, 'prepare_form', {
				method: 'POST',
				apiKey: KEY_A,
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: `form_type=AdultRestorativeForm&patient_dob=10/10/2010&fileupload_id=${id}`,
			}),
		);
		expect(reuse.status).toBe(404);
		expect(reuse.json.message).toMatch(/expired/);
	});

	it('streams a 50 MB upload through node:http: size and hash are right (memory use is checked in cli.test.ts)', async () => {
		const id = await newFileupload();
		const size = 50 * 1024 * 1024;
		const chunk = Buffer.alloc(64 * 1024, 0x5a);
		const expected = createHash('sha256');
		for (let sent = 0; sent < size; sent += chunk.length) expected.update(chunk);
		const result = await streamUpload(
			`${sandbox.baseUrl}fileupload/${id}/add_file`,
			{ ...authHeader(KEY_A), ...RADIOGRAPH },
			size,
			'file',
			chunk,
		);
		expect(result.status).toBe(200);
		const record = sandbox.requests[sandbox.requests.length - 1];
		expect(record.parts?.[0]).toMatchObject({ name: 'file', size, sha256: expected.digest('hex') });
	});
});
