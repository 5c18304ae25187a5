import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	type IWebhookDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { claim, withinDeadline } from '../../../shared/deliveries';
import { downloadFilesOption } from '../../../shared/download-files-option';
import { nodeOf } from '../../../shared/node-of';
import {
	ACK_DEADLINE_MS,
	acknowledge,
	answer,
	fetchNotifiedPdfs,
	readNotification,
	refuse,
	type PdfsResult,
} from '../../../shared/webhook-answers';
import { urnLocator } from '../../descriptions/locator.fields';
import { V1 } from '../../descriptions/node-versions';
import { WAIT_FOR_FILES_OPERATION } from '../../descriptions/notification.fields';
import { inputError } from '../../input/input-error';
import { numberParameter, textParameter, urnParameter } from '../../input/parameters';
import type { SendRequest } from '../operation';

/**
 * Wait for PDFs suspends the execution (an n8n waiting execution, like the Wait node and
 * the send-and-wait operations) until the API's files-ready notification for the URN arrives
 * at this execution's resume URL ($execution.resumeUrl, which Prepare Form / Save Draft send
 * when their Files Ready Notification is "Wait for PDFs in This Execution").
 *
 * n8n answers the resume URL itself and checks its `signature` token; a call that is not
 * the expected notification gets an error answer and the execution keeps waiting. When the
 * wait limit passes, n8n resumes the node disabled and it passes on its input, which this
 * operation has set to the timeout outcome `{ urn, files: [], timedOut: true }`.
 */

/** The resume webhook: no remote registration exists (restartWebhook), so no lifecycle methods. */
export const waitWebhooks: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		responseData: '',
		path: '',
		restartWebhook: true,
	},
];

const UNIT_MS: Record<string, number> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };
const MAX_WAIT_MS = 3650 * UNIT_MS.days;

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['referral'], operation: [WAIT_FOR_FILES_OPERATION] } },
	[
		{
			displayName:
				'In Prepare Form or Save Draft earlier in this workflow, set Files Ready Notification to "Wait for PDFs in This Execution". This node then waits for that referral to be submitted and its PDFs to exist.',
			name: 'waitNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'URN',
			name: 'urn',
			type: 'string',
			default: '={{ $json.urn }}',
			required: true,
			description: 'URN of the referral to wait for, as returned by Prepare Form or Save Draft',
			displayOptions: V1,
		},
		urnLocator(
			'The referral to wait for: by default the URN Prepare Form or Save Draft returned',
			'={{ $json.urn }}',
		),
		{
			displayName: 'Wait Limit',
			name: 'waitLimit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 7,
			description: 'How long to wait for the PDFs; then the node outputs the URN with timedOut: true',
		},
		{
			displayName: 'Wait Limit Unit',
			name: 'waitLimitUnit',
			type: 'options',
			options: [
				{ name: 'Minutes', value: 'minutes' },
				{ name: 'Hours', value: 'hours' },
				{ name: 'Days', value: 'days' },
			],
			default: 'days',
		},
		{ ...downloadFilesOption('each PDF', 'files'), default: true },
	],
);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<SendRequest> {
	const node = nodeOf(this);
	const items = this.getInputData();
	if (items.length !== 1) {
		throw inputError(
			node,
			itemIndex,
			'URN',
			`Wait for PDFs waits for one referral per execution, and this run has ${items.length} items`,
			'n8n gives an execution one resume URL. Process referrals one at a time (Loop Over Items with batch size 1) or use the Dental Referrals Trigger.',
		);
	}
	const urn = urnParameter.call(this, itemIndex);
	const amount = numberParameter.call(this, 'waitLimit', itemIndex, 'Wait Limit', 7);
	const unit = textParameter.call(this, 'waitLimitUnit', itemIndex, 'Wait Limit Unit', 'days');
	if (!UNIT_MS[unit])
		throw inputError(node, itemIndex, 'Wait Limit Unit', `"${unit}" is not one of minutes, hours, days`);
	const limitMs = amount * UNIT_MS[unit];
	if (limitMs <= 0 || limitMs > MAX_WAIT_MS) {
		throw inputError(
			node,
			itemIndex,
			'Wait Limit',
			`must be more than 0 and at most 3650 days, got ${amount} ${unit}`,
		);
	}

	return async () => {
		const outcomeOnTimeout = { json: { urn, files: [], timedOut: true }, pairedItem: { item: itemIndex } };
		// What n8n passes on if the limit passes first (the node then runs disabled).
		this.getExecuteData().data.main[0] = [outcomeOnTimeout];
		const waitTill = new Date(Date.now() + limitMs);
		await this.putExecutionToWait(waitTill);
		return [{ json: { urn, waitingUntil: waitTill.toISOString() } }];
	};
}

/**
 * The resume call: only the expected notification ends the wait; anything else is refused.
 *
 * n8n answers a retry of a resumed execution 409 itself, so the API must not need one: the
 * notification is answered 200 once accepted — at once, or at ACK_DEADLINE_MS if the PDFs
 * are still downloading (they are then fetched after the answer; a download that fails after
 * it resumes the execution with `downloadError` rather than leaving it waiting for a retry
 * that n8n would refuse). A download that fails in time answers 503 and keeps waiting, so
 * the API retries. Simultaneous deliveries resume the execution once.
 */
export async function resume(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const parsed = readNotification.call(this);
	if (!parsed.ok) return refuse.call(this, 400, `Not a files-ready notification: ${parsed.problem}`);
	const { urn, files } = parsed.notification;
	const expected = String(this.getNodeParameter('urn', '', { extractValue: true }) ?? '').trim();
	if (urn !== expected)
		return refuse.call(this, 409, `This execution waits for referral ${expected}, not ${urn}`);

	const claimed = claim(`wait\u0000${this.getExecutionId()}`);
	if (claimed.kind === 'delivered') return answer.call(this, { ok: true }, 'Already received');
	if (claimed.kind === 'inFlight') {
		const outcome = await withinDeadline(claimed.outcome, ACK_DEADLINE_MS);
		return answer.call(this, outcome ?? { ok: true }, 'Already received');
	}

	const json: IDataObject = { urn, files, timedOut: false };
	if (!(this.getNodeParameter('downloadFiles', true) as boolean)) {
		claimed.settle({ ok: true });
		acknowledge.call(this);
		return { noWebhookResponse: true, workflowData: [[{ json, pairedItem: { item: 0 } }]] };
	}
	const download = fetchNotifiedPdfs.call(this, urn, files);
	const early: PdfsResult | undefined = await withinDeadline(download, ACK_DEADLINE_MS);
	if (early && !early.ok) {
		claimed.settle(early);
		return refuse.call(this, early.status, early.message);
	}
	acknowledge.call(this);
	const pdfs = early ?? (await download);
	claimed.settle({ ok: true });
	const item = pdfs.ok
		? { json, binary: pdfs.binary, pairedItem: { item: 0 } }
		: { json: { ...json, downloadError: pdfs.message }, pairedItem: { item: 0 } };
	return { noWebhookResponse: true, workflowData: [[item]] };
}
