import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import * as document from './actions/document';
import * as draft from './actions/draft';
import * as fileUpload from './actions/file-upload';
import * as form from './actions/form';
import * as referral from './actions/referral';
import { resume, waitWebhooks } from './actions/referral/wait-for-files.operation';
import { router } from './actions/router';
import { LATEST_NODE_VERSION, NODE_VERSIONS } from './descriptions/node-versions';
import { requestOptionsFields } from './descriptions/options.fields';
import { searchDocuments, searchReferrals } from './methods/list-search';
import { getFormTypes } from './methods/load-options';

export class DentalReferrals implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Dental Referrals',
		name: 'dentalReferrals',
		icon: {
			light: 'file:../../icons/dentalReferrals.svg',
			dark: 'file:../../icons/dentalReferrals.dark.svg',
		},
		group: ['transform'],
		// What each version changed: descriptions/node-versions.ts.
		version: NODE_VERSIONS,
		defaultVersion: LATEST_NODE_VERSION,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Prepare referral forms, save drafts, upload files and follow referrals with the Dental Referrals API',
		defaults: { name: 'Dental Referrals' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'dentalReferralsApi', required: true }],
		// Only the resume URL of Wait for PDFs (a waiting execution); nothing is registered remotely.
		webhooks: waitWebhooks,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Document', value: 'document' },
					{ name: 'Draft', value: 'draft' },
					{ name: 'File Upload', value: 'fileUpload' },
					{ name: 'Form', value: 'form' },
					{ name: 'Referral', value: 'referral' },
				],
				default: 'form',
			},
			...form.description,
			...draft.description,
			...referral.description,
			...fileUpload.description,
			...document.description,
			...requestOptionsFields,
		],
	};

	methods = { loadOptions: { getFormTypes }, listSearch: { searchReferrals, searchDocuments } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await resume.call(this);
	}
}
