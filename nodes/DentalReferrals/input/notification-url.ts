import type { IExecuteFunctions } from 'n8n-workflow';

import { nodeOf } from '../../shared/node-of';
import { triggerUrl, webhookBaseFromResumeUrl } from '../../shared/trigger-url';
import { WAIT_FOR_FILES_OPERATION } from '../descriptions/notification.fields';
import { inputError } from './input-error';
import { textParameter } from './parameters';

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
	const node = nodeOf(this);
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
	return triggerNotificationUrl.call(this, itemIndex);
}

/** The production URL of this workflow's Dental Referrals Trigger, token included. */
function triggerNotificationUrl(this: IExecuteFunctions, itemIndex: number): string {
	const node = nodeOf(this);
	const field = 'Files Ready Notification';
	const workflowId = this.getWorkflow().id;
	if (!workflowId)
		throw inputError(node, itemIndex, field, 'save the workflow first: the trigger URL contains its id');
	const base = webhookBaseFromResumeUrl(
		String(this.evaluateExpression('{{ $execution.resumeUrl }}', itemIndex)),
	);
	if (!base) {
		throw inputError(
			node,
			itemIndex,
			field,
			"cannot tell this n8n's webhook address (its webhook endpoints are renamed)",
			"Paste the Dental Referrals Trigger's production URL into Additional Fields → Files Ready Webhook URL instead.",
		);
	}
	return triggerUrl(base, workflowId, this.getInstanceId());
}

/**
 * The resume URL of this execution. n8n gives one per execution, the same for every node
 * that waits in it ($execution.resumeUrl: webhook-waiting base, honouring WEBHOOK_URL, plus
 * the execution id and its signature token), so an earlier node can hand it out.
 */
function resumeUrl(this: IExecuteFunctions, itemIndex: number): string {
	const node = nodeOf(this);
	if (!waitForFilesFollows.call(this)) {
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

/** Whether an enabled Dental Referrals "Wait for PDFs" node comes after this node. */
export function waitForFilesFollows(this: IExecuteFunctions): boolean {
	const node = nodeOf(this);
	return this.getChildNodes(node.name, { includeNodeParameters: true }).some(
		(child) =>
			child.type === node.type &&
			!child.disabled &&
			child.parameters?.resource === 'referral' &&
			child.parameters?.operation === WAIT_FOR_FILES_OPERATION,
	);
}
