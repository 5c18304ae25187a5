import { createRequire } from 'node:module';

import {
	MIME_ALIASES,
	MIME_BY_EXTENSION,
	SUPPORTED_MIME_TYPES,
} from '../../../../nodes/DentalReferrals/descriptions/upload.fields';
import { randomFile } from '../../../../tools/engine/files';
import { apiRequests, runNode, useSandbox } from '../../../../tools/engine/sandbox-workflow';

describe('fileUpload resource', () => {
	const sandbox = useSandbox();

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

	// [file name, MIME type n8n or a browser gives it, the documented Upload-Content-Type]
	const ALIASES: Array<[string, string, string]> = [
		['notes.rtf', 'application/rtf', 'text/rtf'],
		['old.rtf', 'application/x-rtf', 'text/rtf'],
		['a.jpg', 'image/jpg', 'image/jpeg'],
		['b.jfif', 'image/pjpeg', 'image/jpeg'],
		['c.bmp', 'image/x-ms-bmp', 'image/bmp'],
		['d.bmp', 'image/x-bmp', 'image/bmp'],
		['e.bmp', 'image/x-windows-bmp', 'image/bmp'],
		['f.tif', 'image/tif', 'image/tiff'],
		['g.tiff', 'IMAGE/X-TIFF', 'image/tiff'],
		['h.png', 'image/x-png', 'image/png'],
		[
			'letter.docx',
			'application/octet-stream',
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		],
		['letter.doc', 'application/octet-stream', 'application/msword'],
		['template.dot', 'application/octet-stream', 'application/msword'],
		['letter.RTF', 'application/octet-stream', 'text/rtf'],
		['scan.dib', 'application/octet-stream', 'image/bmp'],
		// No type given: n8n labels these itself (prepareBinaryData → mime-types lookup by name).
		['photo.jfif', '', 'image/jpeg'],
		['n8n.rtf', '', 'text/rtf'],
		['n8n.dib', '', 'image/bmp'],
	];

	it('sends every alias n8n or a browser gives a documented kind under its documented name', async () => {
		const properties = ALIASES.map((_, index) => `f${index}`);
		const file = randomFile('alias.bin', 64);
		const run = await runNode(
			sandbox(),
			{ resource: 'fileUpload', operation: 'upload', binaryPropertyName: properties.join(', ') },
			{
				files: [
					ALIASES.map(([fileName, mimeType], index) => ({
						property: properties[index],
						path: file.path,
						fileName,
						mimeType,
					})),
				],
			},
		);
		expect(run.error).toBeUndefined();
		// What n8n itself called the .rtf file: not the API's name.
		expect(run.output('Start')[0].binary?.[properties[ALIASES.length - 2]].mimeType).toBe('application/rtf');
		const documented = ALIASES.map(([, , name]) => name);
		const adds = apiRequests(sandbox(), 'add_file');
		expect(adds.map((request) => request.status)).toEqual(documented.map(() => 200));
		expect(adds.map((request) => request.headers['upload-content-type'])).toEqual(documented);
		expect(adds.map((request) => request.parts?.[0].contentType)).toEqual(documented);
		expect((run.items[0].json.files as Array<{ mimeType: string }>).map((sent) => sent.mimeType)).toEqual(
			documented,
		);
	});

	it('the extension table and the aliases agree with the mime-types database n8n labels binaries with', () => {
		// The copy n8n-core resolves, so the test follows n8n's own dependency.
		const fromN8nCore = createRequire(require.resolve('n8n-core'));
		const mimeTypes = fromN8nCore('mime-types') as { lookup(path: string): string | false };
		for (const [extension, documented] of Object.entries(MIME_BY_EXTENSION)) {
			const label = mimeTypes.lookup(`file.${extension}`) as string;
			expect([extension, MIME_ALIASES[label] ?? label]).toEqual([extension, documented]);
			expect(SUPPORTED_MIME_TYPES).toContain(documented);
		}
		expect(mimeTypes.lookup('file.rtx')).toBe('text/richtext');
		expect(Object.keys(MIME_ALIASES)).not.toContain('text/richtext');
	});

	it.each([
		['RFC 1341 richtext (.rtx), which is not RTF', 'memo.rtx', 'text/richtext'],
		['an .rtx file labelled by extension', 'memo.rtx', 'application/octet-stream'],
		['a GIF', 'x.gif', 'image/gif'],
	])('still refuses %s before any request', async (_label, fileName, mimeType) => {
		const file = randomFile(fileName, 10);
		const run = await runNode(
			sandbox(),
			{ resource: 'fileUpload', operation: 'upload', binaryPropertyName: 'data' },
			{ files: [[{ property: 'data', path: file.path, fileName, mimeType }]] },
		);
		expect(run.error?.message).toBe(
			`Input Binary Field: "data" has MIME type ${mimeType}, which the API does not accept (item index 0)`,
		);
		expect(apiRequests(sandbox())).toHaveLength(0);
	});

	it('Upload-Filename: a percent-encoded name encodes a literal % as %25; an ASCII name is sent as is', async () => {
		const file = randomFile('pct.png', 10);
		const names = ['röntgen 100%.png', '100% done.png', 'a%20b.png'];
		const run = await runNode(
			sandbox(),
			{ resource: 'fileUpload', operation: 'upload', binaryPropertyName: 'a, b, c' },
			{
				files: [
					names.map((fileName, index) => ({
						property: 'abc'[index],
						path: file.path,
						fileName,
						mimeType: 'image/png',
					})),
				],
			},
		);
		expect(run.error).toBeUndefined();
		const headers = apiRequests(sandbox(), 'add_file').map((request) => request.headers['upload-filename']);
		expect(headers).toEqual(['r%C3%B6ntgen 100%25.png', '100% done.png', 'a%20b.png']);
		// A server that decodes the percent-encoded header gets the exact name back.
		expect(decodeURIComponent(headers[0])).toBe(names[0]);
		expect(apiRequests(sandbox(), 'add_file').map((request) => request.parts?.[0].filename)).toEqual(names);
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
