import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { uploadFields } from '../../descriptions/upload.fields';
import { wholeNumberParameter } from '../../input/parameters';
import { planUploads } from '../../input/uploads';
import { jsonItems, type SendRequest } from '../operation';
import { sendFiles } from './send-files';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['fileUpload'], operation: ['addFile'] } },
	[
		{
			displayName: 'File Upload ID',
			name: 'fileuploadId',
			type: 'number',
			default: 0,
			required: true,
			description:
				'ID returned by Prepare File Upload. File uploads expire once their referral is submitted.',
		},
		...uploadFields,
	],
);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<SendRequest> {
	const fileuploadId = wholeNumberParameter.call(this, 'fileuploadId', itemIndex, 'File Upload ID', {
		min: 1,
		max: Number.MAX_SAFE_INTEGER,
		fallback: 0,
	});
	const uploads = planUploads.call(this, itemIndex);
	return async () => {
		const files = await sendFiles.call(this, itemIndex, fileuploadId, uploads);
		return jsonItems({ status: 'success', fileupload_id: fileuploadId, files });
	};
}
