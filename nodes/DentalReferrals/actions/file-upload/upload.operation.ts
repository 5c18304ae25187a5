import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { prepareFileUpload } from '../../../shared/api';
import { uploadFields } from '../../descriptions/upload.fields';
import { callOptions } from '../../input/node-options';
import { planUploads } from '../../input/uploads';
import { jsonItems, type SendRequest } from '../operation';
import { sendFiles } from './send-files';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['fileUpload'], operation: ['upload'] } },
	uploadFields,
);

/** Prepare File Upload + Add File for each chosen binary property, in one step per item. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<SendRequest> {
	const uploads = planUploads.call(this, itemIndex);
	return async () => {
		const fileuploadId = await prepareFileUpload.call(this, callOptions.call(this, itemIndex));
		const files = await sendFiles.call(this, itemIndex, fileuploadId, uploads);
		return jsonItems({ fileupload_id: fileuploadId, files });
	};
}
