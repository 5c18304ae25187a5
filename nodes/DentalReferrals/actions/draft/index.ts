import type { INodeProperties } from 'n8n-workflow';

import type { Operations } from '../node-type';
import * as save from './save.operation';

export const operations: Operations<'draft'> = { save };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['draft'] } },
		options: [
			{
				name: 'Save Draft',
				value: 'save',
				description:
					"Save a draft referral form pre-filled with patient data to the practice's account; returns its URN and draft ID",
				action: 'Save a draft referral form with patient data',
			},
		],
		default: 'save',
	},
	...save.description,
];
