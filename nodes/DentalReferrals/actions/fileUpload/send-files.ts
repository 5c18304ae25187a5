import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { nodeApiRequest } from '../../helpers/api';
import type { PlannedUpload } from '../../descriptions/upload.fields';

/** Streams each planned file to add_file of one file upload, in order; returns what was sent. */
export async function sendFiles(
	this: IExecuteFunctions,
	itemIndex: number,
	fileuploadId: number,
	uploads: PlannedUpload[],
): Promise<IDataObject[]> {
	const sent: IDataObject[] = [];
	for (const upload of uploads) {
		const file = await upload.open();
		await nodeApiRequest.call(this, {
			method: 'POST',
			endpoint: `fileupload/${fileuploadId}/add_file`,
			headers: upload.headers,
			file,
			itemIndex,
			notFound: `File upload ${fileuploadId}`,
		});
		sent.push({
			binaryPropertyName: upload.property,
			fileName: upload.fileName,
			mimeType: upload.mimeType,
			kind: upload.headers['Upload-Kind'],
			...(upload.headers['Upload-Date'] ? { date: upload.headers['Upload-Date'] } : {}),
			...(file.size !== undefined ? { fileSize: file.size } : {}),
		});
	}
	return sent;
}
