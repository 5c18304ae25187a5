import {
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
	type NodeApiError,
} from 'n8n-workflow';

import { apiKey, availableForms, referralStatus } from '../shared/api';
import { claim, type Outcome, withinDeadline } from '../shared/deliveries';
import { downloadFilesOption } from '../shared/download-files-option';
import { optionsCollection } from '../shared/options-collection';
import type { FilesReadyNotification } from '../shared/notification';
import {
	legacyTriggerToken,
	TOKEN_QUERY_PARAMETER,
	TRIGGER_PATH_EXPRESSION,
	tokenMatches,
	triggerToken,
} from '../shared/trigger-url';
import {
	ACK_DEADLINE_MS,
	acknowledge,
	answer,
	fetchNotifiedPdfs,
	readNotification,
	refuse,
} from '../shared/webhook-answers';
import { fingerprint, keyPrefix, rememberInStaticData, storedAsDelivered } from './delivered';

interface TriggerOptions {
	downloadFiles?: boolean;
	verifyReferral?: boolean;
	skipDuplicates?: boolean;
}

type Emission = { ok: true; item: INodeExecutionData } | { ok: false; status: number; message: string };

/**
 * The current token costs nothing to check; only a call that does not carry it pays for the
 * credential read that the token of versions up to 0.1.0 (keyed with the API key) needs.
 */
async function tokenAccepted(this: IWebhookFunctions, workflowId: string, given: unknown): Promise<boolean> {
	if (tokenMatches(triggerToken(this.getInstanceId(), workflowId), given)) return true;
	if (typeof given !== 'string' || given === '') return false;
	return tokenMatches(legacyTriggerToken(await apiKey.call(this), workflowId), given);
}

/** Confirms the URN under the same key; undefined when it is known. */
async function verifyReferral(this: IWebhookFunctions, urn: string): Promise<Emission | undefined> {
	try {
		await referralStatus.call(this, urn);
		return undefined;
	} catch (error) {
		if ((error as NodeApiError).httpCode === '404') {
			return { ok: false, status: 404, message: `Unknown referral ${urn}` };
		}
		// Not the caller's fault: a non-200 makes the API retry later (1 h, 4 h, 1 day).
		return {
			ok: false,
			status: 503,
			message: `Could not verify referral ${urn} now: ${(error as Error).message}`,
		};
	}
}

/** The item to emit, after the optional verification and downloads. Never throws. */
async function emission(
	this: IWebhookFunctions,
	{ urn, files }: FilesReadyNotification,
	options: TriggerOptions,
): Promise<Emission> {
	if (options.verifyReferral) {
		const refusal = await verifyReferral.call(this, urn);
		if (refusal) return refusal;
	}
	if (!options.downloadFiles) return { ok: true, item: { json: { urn, files } } };
	const pdfs = await fetchNotifiedPdfs.call(this, urn, files);
	if (!pdfs.ok) return pdfs;
	return { ok: true, item: { json: { urn, files }, binary: pdfs.binary } };
}

const DUPLICATE = 'Duplicate notification ignored';

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
			optionsCollection([
				downloadFilesOption('each PDF', 'files'),
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
			]),
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
				await availableForms.call(this);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	/**
	 * One execution per notification, however often and however simultaneously the API
	 * delivers it (see ./delivered.ts), answered within ACK_DEADLINE_MS. If the PDFs take
	 * longer, the API is answered 503 at the deadline and the download goes on: once it is
	 * done the workflow starts and the API's retry is answered 200 as a duplicate; if n8n
	 * stops before that, nothing was recorded and the retry downloads the PDFs again.
	 */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const workflowId = String(this.getWorkflow().id ?? '');
		if (this.getNodeParameter('requireToken', true) as boolean) {
			const given = (this.getQueryData() as IDataObject)[TOKEN_QUERY_PARAMETER];
			if (!(await tokenAccepted.call(this, workflowId, given))) {
				return refuse.call(this, 401, 'Missing or wrong token');
			}
		}

		const parsed = readNotification.call(this);
		if (!parsed.ok) return refuse.call(this, 400, `Not a files-ready notification: ${parsed.problem}`);
		const notification = parsed.notification;
		const options = this.getNodeParameter('options', {}) as TriggerOptions;
		const skipDuplicates = options.skipDuplicates !== false;

		const prefix = keyPrefix(workflowId, this.getNode().name);
		const print = fingerprint(notification);
		const staticData = this.getWorkflowStaticData('node');
		if (skipDuplicates && storedAsDelivered(staticData, prefix, print)) {
			return answer.call(this, { ok: true }, DUPLICATE);
		}
		const claimed = skipDuplicates ? claim(prefix + print) : undefined;
		if (claimed?.kind === 'delivered') return answer.call(this, { ok: true }, DUPLICATE);
		if (claimed?.kind === 'inFlight') {
			const outcome = await withinDeadline(claimed.outcome, ACK_DEADLINE_MS);
			if (!outcome) {
				return refuse.call(this, 503, `${notification.urn} is still being processed; retry later`);
			}
			return answer.call(this, outcome, DUPLICATE);
		}

		// Never rejects, so that the claim is always settled (a stuck claim would hold back every copy).
		const running = emission
			.call(this, notification, options)
			.catch((error: Error): Emission => ({ ok: false, status: 503, message: error.message }));
		if (!(await withinDeadline(running, ACK_DEADLINE_MS))) {
			refuse.call(this, 503, `The PDFs of ${notification.urn} are still downloading; retry later`);
		}
		const result = await running;
		const outcome: Outcome = result.ok ? { ok: true } : result;
		claimed?.settle(outcome);
		if (!result.ok) return refuse.call(this, result.status, result.message);
		if (skipDuplicates) rememberInStaticData(staticData, prefix);
		acknowledge.call(this);
		return { noWebhookResponse: true, workflowData: [[result.item]] };
	}
}
