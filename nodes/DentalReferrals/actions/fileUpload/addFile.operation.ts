import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { planUploads, uploadFields } from '../../descriptions/upload.fields';
import { inputError } from '../../helpers/input-error';
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
	const raw = this.getNodeParameter('fileuploadId', itemIndex, 0) as unknown;
	const fileuploadId = Number(raw);
	if (!Number.isSafeInteger(fileuploadId) || fileuploadId <= 0) {
		throw inputError(
			this.getNode(),
			itemIndex,
			'File Upload ID',
			`must be a positive whole number, got ${JSON.stringify(raw)}`,
		);
	}
	const uploads = planUploads.call(this, itemIndex);
	return async () => {
		const files = await sendFiles.call(this, itemIndex, fileuploadId, uploads);
		return jsonItems({ status: 'success', fileupload_id: fileuploadId, files });
	};
}
