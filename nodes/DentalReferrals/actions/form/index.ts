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
				description: 'List the referral form types enabled for your API key, one item per form type',
				action: 'List the form types this practice can prepare',
			},
			{
				name: 'Prepare Form',
				value: 'prepare',
				description:
					'Create a referral form pre-filled with patient data. Returns its URN and prepared_form_url, a one-time login link to hand only to the clinician who completes the form.',
				action: 'Prepare a referral form with patient data and get a login link for the clinician',
			},
		],
		default: 'prepare',
	},
	...prepare.description,
];
