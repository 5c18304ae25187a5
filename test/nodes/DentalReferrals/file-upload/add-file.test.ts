import { randomFile } from '../../../../tools/engine/files';
import { apiRequests, runNode, useSandbox } from '../../../../tools/engine/sandbox-workflow';
import { newFileUpload } from './new-file-upload';

describe('fileUpload resource', () => {
	const sandbox = useSandbox();

	it('Add File streams the binary as multipart part "file" with the four Upload-* headers', async () => {
		const id = await newFileUpload(sandbox());
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

	it('a file upload whose referral was submitted has expired: 404 naming it', async () => {
		const id = await newFileUpload(sandbox());
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
});
