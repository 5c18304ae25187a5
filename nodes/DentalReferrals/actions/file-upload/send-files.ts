import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { addFile } from '../../../shared/api';
import { callOptions } from '../../input/node-options';
import type { PlannedUpload } from '../../input/uploads';

/** Streams each planned file into one file upload, in order; returns what was sent. */
export async function sendFiles(
	this: IExecuteFunctions,
	itemIndex: number,
	fileuploadId: number,
	uploads: PlannedUpload[],
): Promise<IDataObject[]> {
	const sent: IDataObject[] = [];
	for (const upload of uploads) {
		const file = await upload.open();
		await addFile.call(this, fileuploadId, file, upload.headers, callOptions.call(this, itemIndex));
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
