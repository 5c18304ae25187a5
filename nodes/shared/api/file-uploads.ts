import { apiRequest, type ApiContext, type UploadFile } from '../transport';
import type { CallOptions } from './call-options';
import { field, isNumericId } from './shape';

/** API documentation, “Prepare Fileupload”: a new file upload, whose id Add File and a form refer to. */
export async function prepareFileUpload(this: ApiContext, call: CallOptions = {}): Promise<number> {
	const answer = await apiRequest.call(this, {
		method: 'POST',
		endpoint: 'prepare_fileupload',
		check: (value) => field(value, 'fileupload_id', isNumericId, 'a numeric fileupload_id'),
		...call,
	});
	// Checked to be a numeric id: never a request for file upload NaN.
	return Number((answer as { fileupload_id: number | string }).fileupload_id);
}

/** API documentation, “Add File”: streams one file into a file upload; `headers` are its Upload-* headers. */
export async function addFile(
	this: ApiContext,
	fileuploadId: number,
	file: UploadFile,
	headers: Record<string, string>,
	call: CallOptions = {},
): Promise<void> {
	await apiRequest.call(this, {
		method: 'POST',
		endpoint: `fileupload/${fileuploadId}/add_file`,
		headers,
		file,
		notFound: `File upload ${fileuploadId}`,
		...call,
	});
}
