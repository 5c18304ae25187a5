import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { planUploads, uploadFields } from '../../descriptions/upload.fields';
import { jsonItems, type SendRequest } from '../operation';
import { createFileUpload } from './create.operation';
import { sendFiles } from './send-files';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['fileUpload'], operation: ['upload'] } },
	uploadFields,
);

/** Prepare File Upload + Add File for each chosen binary property, in one step per item. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<SendRequest> {
	const uploads = planUploads.call(this, itemIndex);
	return async () => {
		const fileuploadId = await createFileUpload.call(this, itemIndex);
		const files = await sendFiles.call(this, itemIndex, fileuploadId, uploads);
		return jsonItems({ fileupload_id: fileuploadId, files });
	};
}
