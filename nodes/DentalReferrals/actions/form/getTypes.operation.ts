import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { nodeApiRequest } from '../../helpers/api';
import { jsonItems, type SendRequest } from '../operation';

export const description: INodeProperties[] = [];

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<SendRequest> {
	return async () => {
		const answer: unknown = await nodeApiRequest.call(this, {
			method: 'GET',
			endpoint: 'available_forms',
			itemIndex,
		});
		// apiRequest has checked the documented shape: an array of form type names.
		return jsonItems((answer as string[]).map((formType) => ({ formType })));
	};
}
