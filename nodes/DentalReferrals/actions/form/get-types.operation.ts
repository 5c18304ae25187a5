import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { availableForms } from '../../../shared/api';
import { callOptions } from '../../input/node-options';
import { jsonItems, type SendRequest } from '../operation';

export const description: INodeProperties[] = [];

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<SendRequest> {
	return async () => {
		const formTypes = await availableForms.call(this, callOptions.call(this, itemIndex));
		return jsonItems(formTypes.map((formType) => ({ formType })));
	};
}
