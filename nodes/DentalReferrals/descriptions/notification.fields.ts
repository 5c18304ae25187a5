import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { registeredTriggers } from '../../shared/trigger-registry';
import { OPERATION as WAIT_OPERATION } from '../actions/referral/waitForFiles.operation';
import { inputError } from '../helpers/input-error';
import { textParameter } from '../helpers/parameters';

/**
 * Where the API sends the files-ready notification of a prepared form or draft. Choosing a
 * Dental Referrals Trigger of this workflow sends its production URL, secret token included,
 * as published by the trigger when the workflow was activated — nothing to copy or paste.
 */
export const notificationFields: INodeProperties[] = [
	{
		displayName: 'Files Ready Notification',
		name: 'filesReadyNotification',
		type: 'options',
		options: [
			{
				name: 'Dental Referrals Trigger of This Workflow',
				value: 'trigger',
				description:
					"Send the production URL of this workflow's Dental Referrals Trigger (the workflow must have been activated)",
			},
			{
				name: 'Wait for PDFs in This Execution',
				value: 'wait',
				description:
					"Send this execution's resume URL, for a Dental Referrals Wait for PDFs node later in this workflow",
			},
			{
				name: 'URL From Additional Fields (or None)',
				value: 'url',
				description: 'Send Additional Fields → Files Ready Webhook URL if it is set, otherwise nothing',
			},
		],
		default: 'url',
		description: 'Where the API POSTs {"urn", "files"} once the referral is submitted and its PDFs exist',
	},
	{
		displayName: 'Trigger Node Name',
		name: 'filesReadyTriggerName',
		type: 'string',
		default: '',
		placeholder: 'Dental Referrals Trigger',
		description: 'Only needed when the workflow has more than one Dental Referrals Trigger',
		displayOptions: { show: { filesReadyNotification: ['trigger'] } },
	},
];

/** The files_ready_webhook_url for item `itemIndex`, or undefined to leave the form's own value. */
export function notificationUrl(
	this: IExecuteFunctions,
	itemIndex: number,
	pastedUrl: string | undefined,
): string | undefined {
	const target = textParameter.call(
		this,
		'filesReadyNotification',
		itemIndex,
		'Files Ready Notification',
		'url',
	);
	if (target === 'url') return undefined;
	const node = this.getNode();
	const field = 'Files Ready Notification';
	if (target !== 'trigger' && target !== 'wait') {
		throw inputError(node, itemIndex, field, `"${target}" is not a known choice`);
	}
	if (pastedUrl) {
		throw inputError(
			node,
			itemIndex,
			'Files Ready Webhook URL',
			`must be empty when Files Ready Notification is "${target}"`,
		);
	}
	if (target === 'wait') return resumeUrl.call(this, itemIndex);
	const wanted = textParameter.call(this, 'filesReadyTriggerName', itemIndex, 'Trigger Node Name');
	const triggers = registeredTriggers(this.getWorkflowStaticData('global'));
	const candidates = wanted ? triggers.filter((trigger) => trigger.nodeName === wanted) : triggers;
	if (candidates.length === 1) return candidates[0].url;
	if (triggers.length === 0) {
		throw inputError(
			node,
			itemIndex,
			field,
			'no Dental Referrals Trigger of this workflow has a production URL yet',
			'Add a Dental Referrals Trigger to this workflow and activate the workflow once: n8n then registers its production URL, which this node sends.',
		);
	}
	const names = triggers.map((trigger) => `"${trigger.nodeName}"`).join(', ');
	throw inputError(
		node,
		itemIndex,
		wanted ? 'Trigger Node Name' : field,
		wanted
			? `no active Dental Referrals Trigger is named "${wanted}" (active: ${names})`
			: `the workflow has several Dental Referrals Triggers (${names}); set Trigger Node Name`,
	);
}

/**
 * The resume URL of this execution. n8n gives one per execution, the same for every node
 * that waits in it ($execution.resumeUrl: webhook-waiting base, honouring WEBHOOK_URL, plus
 * the execution id and its signature token), so an earlier node can hand it out.
 */
function resumeUrl(this: IExecuteFunctions, itemIndex: number): string {
	const node = this.getNode();
	const waits = this.getChildNodes(node.name, { includeNodeParameters: true }).filter(
		(child) =>
			child.type === node.type &&
			!child.disabled &&
			child.parameters?.resource === 'referral' &&
			child.parameters?.operation === WAIT_OPERATION,
	);
	if (waits.length === 0) {
		throw inputError(
			node,
			itemIndex,
			'Files Ready Notification',
			'no Dental Referrals "Wait for PDFs" node follows this node',
			'Add a Dental Referrals node with Resource Referral and Operation Wait for PDFs after this one.',
		);
	}
	return String(this.evaluateExpression('{{ $execution.resumeUrl }}', itemIndex));
}
