import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { prepareFileUpload } from '../../../shared/api';
import { callOptions } from '../../input/node-options';
import { jsonItems, type SendRequest } from '../operation';

export const description: INodeProperties[] = [];

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<SendRequest> {
	return async () =>
		jsonItems({ fileupload_id: await prepareFileUpload.call(this, callOptions.call(this, itemIndex)) });
}
