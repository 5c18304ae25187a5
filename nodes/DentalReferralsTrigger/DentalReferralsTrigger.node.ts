import {
	NodeApiError,
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../../credentials/DentalReferralsApi.credentials';
import { apiRequest } from '../shared/transport';
import { fetchNotifiedPdfs, readNotification, refuse } from '../shared/webhook-answers';
import { alreadyEmitted, rememberEmitted } from './duplicates';
import {
	TOKEN_QUERY_PARAMETER,
	TRIGGER_PATH_EXPRESSION,
	tokenMatches,
	triggerToken,
} from '../shared/trigger-url';

async function expectedToken(this: IWebhookFunctions): Promise<string> {
	const credential = await this.getCredentials(CREDENTIAL_TYPE);
	return triggerToken(String(credential.apiKey ?? ''), String(this.getWorkflow().id ?? ''));
}

/** Confirms the URN under the same key; undefined when it is known. */
async function verifyReferral(
	this: IWebhookFunctions,
	urn: string,
): Promise<IWebhookResponseData | undefined> {
	try {
		await apiRequest.call(this, {
			method: 'GET',
			endpoint: 'referral_status',
			qs: { urn },
			notFound: `Referral ${urn}`,
		});
		return undefined;
	} catch (error) {
		if ((error as NodeApiError).httpCode === '404') return refuse.call(this, 404, `Unknown referral ${urn}`);
		// Not the caller's fault: a non-200 makes the API retry later (1 h, 4 h, 1 day).
		return refuse.call(this, 503, `Could not verify referral ${urn} now: ${(error as Error).message}`);
	}
}

export class DentalReferralsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Dental Referrals Trigger',
		name: 'dentalReferralsTrigger',
		icon: {
			light: 'file:../../icons/dentalReferrals.svg',
			dark: 'file:../../icons/dentalReferrals.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: 'PDFs ready',
		description: "Starts the workflow when a submitted referral's PDF forms are ready",
		defaults: { name: 'Dental Referrals Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'dentalReferralsApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: TRIGGER_PATH_EXPRESSION,
				isFullPath: true,
			},
		],
		properties: [
			{
				displayName:
					'In Prepare Form or Save Draft of this workflow, set Files Ready Notification to "Dental Referrals Trigger of This Workflow" (same credential): the API then calls this trigger once the referral is submitted and its PDFs exist. Publish the workflow (n8n 2.x; Activate in 1.x) so that n8n listens for the notification.',
				name: 'pairingNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Require Secret Token',
				name: 'requireToken',
				type: 'boolean',
				default: true,
				description:
					"Whether calls must carry this trigger's secret token in the URL's query string (the API signs nothing). Prepare Form and Save Draft add it for you; calls without it get 401.",
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Download Files',
						name: 'downloadFiles',
						type: 'boolean',
						default: false,
						description:
							"Whether to download each PDF (with the credential, only from the credential's API origin) into binary properties file_0, file_1, … in the order of files",
					},
					{
						displayName: 'Skip Duplicates',
						name: 'skipDuplicates',
						type: 'boolean',
						default: true,
						description:
							'Whether to drop a notification whose URN and file list this trigger already emitted (the API retries notifications, so the same PDFs can arrive twice); it is answered 200 so the API stops retrying',
					},
					{
						displayName: 'Verify Referral',
						name: 'verifyReferral',
						type: 'boolean',
						default: false,
						description:
							'Whether to confirm the URN with Get Status under the same key before starting the workflow; unknown URNs are refused',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			// The API has no webhook registration endpoint: Prepare Form / Save Draft send this
			// trigger's URL with each referral. Activation only proves the credential's key, so a
			// wrong key fails activation instead of every later notification.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				await apiRequest.call(this, { method: 'GET', endpoint: 'available_forms' });
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (this.getNodeParameter('requireToken', true) as boolean) {
			const given = (this.getQueryData() as IDataObject)[TOKEN_QUERY_PARAMETER];
			if (!tokenMatches(await expectedToken.call(this), given)) {
				return refuse.call(this, 401, 'Missing or wrong token');
			}
		}

		const parsed = readNotification.call(this);
		if (!parsed.ok) return refuse.call(this, 400, `Not a files-ready notification: ${parsed.problem}`);
		const { urn, files } = parsed.notification;
		const options = this.getNodeParameter('options', {}) as {
			downloadFiles?: boolean;
			verifyReferral?: boolean;
			skipDuplicates?: boolean;
		};
		const staticData = this.getWorkflowStaticData('node');
		const skipDuplicates = options.skipDuplicates !== false;
		if (skipDuplicates && alreadyEmitted(staticData, parsed.notification)) {
			this.getResponseObject()
				.status(200)
				.json({ status: 'success', message: 'Duplicate notification ignored' });
			return { noWebhookResponse: true };
		}
		if (options.verifyReferral) {
			const refusal = await verifyReferral.call(this, urn);
			if (refusal) return refusal;
		}
		let binary;
		if (options.downloadFiles) {
			const pdfs = await fetchNotifiedPdfs.call(this, urn, files);
			if (!pdfs.ok) return pdfs.response;
			binary = pdfs.binary;
		}
		if (skipDuplicates) rememberEmitted(staticData, parsed.notification);
		return { workflowData: [[{ json: { urn, files }, ...(binary ? { binary } : {}) }]] };
	}
}
