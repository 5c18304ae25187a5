import { randomFile } from '../harness/files';
import { apiRequests, runNode, useSandbox } from '../harness/sandbox-workflow';

describe('fileUpload resource', () => {
	const sandbox = useSandbox();

	async function newFileUpload(): Promise<number> {
		const run = await runNode(sandbox(), { resource: 'fileUpload', operation: 'create' });
		expect(run.error).toBeUndefined();
		return run.items[0].json.fileupload_id as number;
	}

	it('Prepare File Upload returns a numeric id', async () => {
		const id = await newFileUpload();
		expect(Number.isInteger(id)).toBe(true);
		expect(apiRequests(sandbox(), 'prepare_fileupload')).toHaveLength(1);
	});

	it('Add File streams the binary as multipart part "file" with the four Upload-* headers', async () => {
		const id = await newFileUpload();
		sandbox().clearRequests();
		const xray = randomFile('bitewing.jpg', 200_000);
		const run = await runNode(
			sandbox(),
			{
				resource: 'fileUpload',
				operation: 'addFile',
				fileuploadId: id,
				binaryPropertyName: 'xray',
				uploadKind: 'radiograph',
				uploadDate: '2016-01-29',
			},
			{ files: [[{ property: 'xray', path: xray.path, fileName: 'bitewing.jpg', mimeType: 'image/jpeg' }]] },
		);
		expect(run.error).toBeUndefined();
		const [request] = apiRequests(sandbox(), 'add_file');
		expect(request.path).toBe(`/react4r/v2/fileupload/${id}/add_file`);
		expect(request.headers['upload-content-type']).toBe('image/jpeg');
		expect(request.headers['upload-filename']).toBe('bitewing.jpg');
		expect(request.headers['upload-kind']).toBe('radiograph');
		expect(request.headers['upload-date']).toBe('29/01/2016');
		expect(request.parts).toEqual([
			{
				name: 'file',
				filename: 'bitewing.jpg',
				contentType: 'image/jpeg',
				size: xray.size,
				sha256: xray.sha256,
				headerLines: expect.any(Array),
			},
		]);
		expect(run.items[0].json).toMatchObject({ status: 'success', fileupload_id: id });
	});

	it('Upload Files prepares a file upload and adds every listed binary property', async () => {
		const a = randomFile('a.pdf', 1000);
		const b = randomFile('b.png', 2000);
		const run = await runNode(
			sandbox(),
			{
				resource: 'fileUpload',
				operation: 'upload',
				binaryPropertyName: 'letter, photo',
				uploadKind: 'other',
			},
			{
				files: [
					[
						{ property: 'letter', path: a.path, fileName: 'letter.pdf', mimeType: 'application/pdf' },
						{ property: 'photo', path: b.path, fileName: 'röntgen photo.png', mimeType: 'image/png' },
					],
				],
			},
		);
		expect(run.error).toBeUndefined();
		const id = run.items[0].json.fileupload_id;
		const adds = apiRequests(sandbox(), 'add_file');
		expect(adds.map((request) => request.path)).toEqual([
			`/react4r/v2/fileupload/${id}/add_file`,
			`/react4r/v2/fileupload/${id}/add_file`,
		]);
		expect(adds.map((request) => request.parts?.[0].sha256)).toEqual([a.sha256, b.sha256]);
		expect(adds[1].headers['upload-filename']).toBe('r%C3%B6ntgen photo.png');
		expect(adds[1].headers['upload-kind']).toBe('other');
		expect(run.items[0].json.files).toEqual([
			{
				binaryPropertyName: 'letter',
				fileName: 'letter.pdf',
				mimeType: 'application/pdf',
				kind: 'other',
				fileSize: 1000,
			},
			{
				binaryPropertyName: 'photo',
				fileName: 'röntgen photo.png',
				mimeType: 'image/png',
				kind: 'other',
				fileSize: 2000,
			},
		]);
	});

	it('infers a supported type from the extension when the MIME type is generic', async () => {
		const doc = randomFile('notes.docx', 500);
		const run = await runNode(
			sandbox(),
			{ resource: 'fileUpload', operation: 'upload', binaryPropertyName: 'data' },
			{
				files: [
					[
						{
							property: 'data',
							path: doc.path,
							fileName: 'notes.docx',
							mimeType: 'application/octet-stream',
						},
					],
				],
			},
		);
		expect(run.error).toBeUndefined();
		expect(apiRequests(sandbox(), 'add_file')[0].headers['upload-content-type']).toBe(
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		);
	});

	it.each([
		[
			{ binaryPropertyName: 'missing' },
			'Input Binary Field: the item has no binary property "missing" (it has: data) (item index 0)',
		],
		[
			{ binaryPropertyName: 'data', uploadKind: 'radiograph', uploadDate: '' },
			'Upload Date: is empty; a radiograph needs the date it was taken (item index 0)',
		],
		[
			{ binaryPropertyName: 'data', uploadKind: 'radiograph', uploadDate: '30/02/2016' },
			'Upload Date: no such calendar date; a radiograph needs the date it was taken (item index 0)',
		],
	])('refuses %p before any request', async (parameters, message) => {
		const file = randomFile('x.jpg', 10);
		const run = await runNode(
			sandbox(),
			{ resource: 'fileUpload', operation: 'upload', ...parameters },
			{ files: [[{ property: 'data', path: file.path, fileName: 'x.jpg', mimeType: 'image/jpeg' }]] },
		);
		expect(run.error?.message).toBe(message);
		expect(apiRequests(sandbox())).toHaveLength(0);
	});

	it('refuses an unsupported MIME type before any request', async () => {
		const file = randomFile('movie.mp4', 10);
		const run = await runNode(
			sandbox(),
			{ resource: 'fileUpload', operation: 'upload', binaryPropertyName: 'data' },
			{ files: [[{ property: 'data', path: file.path, fileName: 'movie.mp4', mimeType: 'video/mp4' }]] },
		);
		expect(run.error?.message).toBe(
			'Input Binary Field: "data" has MIME type video/mp4, which the API does not accept (item index 0)',
		);
		expect(run.error?.description).toContain('image/jpeg');
		expect(apiRequests(sandbox())).toHaveLength(0);
	});

	it('a file upload whose referral was submitted has expired: 404 naming it', async () => {
		const id = await newFileUpload();
		const prepared = await runNode(sandbox(), {
			resource: 'form',
			operation: 'prepare',
			formType: sandbox().practices[0].forms[0],
			patientDob: '01/01/2000',
			additionalFields: { fileuploadId: id },
		});
		await sandbox().submit(String(prepared.items[0].json.urn));
		const file = randomFile('late.jpg', 10);
		const run = await runNode(
			sandbox(),
			{ resource: 'fileUpload', operation: 'addFile', fileuploadId: id, binaryPropertyName: 'data' },
			{ files: [[{ property: 'data', path: file.path, fileName: 'late.jpg', mimeType: 'image/jpeg' }]] },
		);
		expect(run.error?.message).toBe(`File upload ${id} was not found or has expired (HTTP 404)`);
	});

	it('a multi-megabyte radiograph streams from the filesystem binary store intact', async () => {
		const big = randomFile('panoramic.tiff', 12 * 1024 * 1024);
		const run = await runNode(
			sandbox(),
			{
				resource: 'fileUpload',
				operation: 'upload',
				binaryPropertyName: 'data',
				uploadKind: 'radiograph',
				uploadDate: '01/02/2020',
			},
			{ files: [[{ property: 'data', path: big.path, fileName: 'panoramic.tiff', mimeType: 'image/tiff' }]] },
		);
		expect(run.error).toBeUndefined();
		// The input binary lives in n8n's filesystem store, referenced by id, not inline.
		expect(run.output('Start')[0].binary?.data.id).toMatch(/^filesystem/);
		const [request] = apiRequests(sandbox(), 'add_file');
		expect(request.parts?.[0]).toMatchObject({ size: big.size, sha256: big.sha256 });
		// Sent with a Content-Length (known size from the store), not chunked.
		expect(Number(request.headers['content-length'])).toBeGreaterThan(big.size);
	});
});
