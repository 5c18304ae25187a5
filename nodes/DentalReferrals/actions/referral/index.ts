import type { INodeProperties } from 'n8n-workflow';

import type { Operations } from '../node-type';
import * as get from './get.operation';
import * as getByPatient from './get-by-patient.operation';
import * as getMany from './get-many.operation';
import * as waitForFiles from './wait-for-files.operation';

export const operations: Operations<'referral'> = { get, getMany, getByPatient, waitForFiles };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['referral'] } },
		options: [
			{
				name: 'Get by Patient',
				value: 'getByPatient',
				description:
					"Get a patient's recent referrals by the PTGUID Prepare Form or Save Draft returned: status, referrer, reason and PDF links",
				action: 'Get the referrals of a patient by PTGUID',
			},
			{
				name: 'Get Recent',
				value: 'getMany',
				description:
					'Get up to 100 recently submitted referrals: URN, status, referrer, reason and PDF links of each',
				action: 'Get recent referrals with their status and PDF links',
			},
			{
				name: 'Get Status',
				value: 'get',
				description:
					'Get one referral by its URN (such as TST0000001): status, referrer, reason and PDF links',
				action: 'Get the status and PDF links of a referral by URN',
			},
			{
				name: 'Wait for PDFs',
				value: 'waitForFiles',
				description: 'Pause this execution until the referral is submitted and its PDFs are ready',
				action: 'Wait for the PDF files of a referral',
			},
		],
		default: 'get',
	},
	...get.description,
	...getMany.description,
	...getByPatient.description,
	...waitForFiles.description,
];
