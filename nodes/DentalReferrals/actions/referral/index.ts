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
				description: "Get the status of a patient's recent referrals, by PTGUID",
				action: 'Get referrals by patient',
			},
			{
				name: 'Get Recent',
				value: 'getMany',
				description: 'Get the status of up to 100 recently submitted referrals',
				action: 'Get recent referrals',
			},
			{
				name: 'Get Status',
				value: 'get',
				description: 'Get the status of one referral, by URN',
				action: 'Get the status of a referral',
			},
			{
				name: 'Wait for PDFs',
				value: 'waitForFiles',
				description: 'Pause this execution until the referral is submitted and its PDFs are ready',
				action: 'Wait for the referral files',
			},
		],
		default: 'get',
	},
	...get.description,
	...getMany.description,
	...getByPatient.description,
	...waitForFiles.description,
];
