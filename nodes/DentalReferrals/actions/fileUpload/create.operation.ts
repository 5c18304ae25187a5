import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { nodeApiRequest } from '../../helpers/api';
import { jsonItems, type SendRequest } from '../operation';

export const description: INodeProperties[] = [];

/** Creates a file upload: an id that add_file calls and then a prepared form or draft refer to. */
export async function createFileUpload(this: IExecuteFunctions, itemIndex: number): Promise<number> {
	const answer = await nodeApiRequest.call(this, {
		method: 'POST',
		endpoint: 'prepare_fileupload',
		itemIndex,
	});
	// apiRequest has checked it is a numeric id: never fileupload/NaN/add_file.
	return Number(answer.fileupload_id);
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<SendRequest> {
	return async () => jsonItems({ fileupload_id: await createFileUpload.call(this, itemIndex) });
}
