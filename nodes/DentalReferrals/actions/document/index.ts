import type { INodeProperties } from 'n8n-workflow';

import type { Operations } from '../node-type';
import * as download from './download.operation';

export const operations: Operations<'document'> = { download };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['document'] } },
		options: [
			{
				name: 'Download PDF',
				value: 'download',
				description: "Download one of a referral's PDFs, by its document URL, as binary data",
				action: 'Download a referral PDF by its document URL',
			},
		],
		default: 'download',
	},
	...download.description,
];
