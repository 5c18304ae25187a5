import type { INodeProperties } from 'n8n-workflow';

import type { Operations } from '../node-type';
import * as getTypes from './get-types.operation';
import * as prepare from './prepare.operation';

export const operations: Operations<'form'> = { getTypes, prepare };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['form'] } },
		options: [
			{
				name: 'List Available Forms',
				value: 'getTypes',
				description: 'List the medical form types enabled for your API key',
				action: 'List available forms',
			},
			{
				name: 'Prepare Form',
				value: 'prepare',
				description: 'Create a form pre-filled with patient data and get its unique URL',
				action: 'Prepare a form',
			},
		],
		default: 'prepare',
	},
	...prepare.description,
];
