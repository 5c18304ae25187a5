import type { IExecuteFunctions } from 'n8n-workflow';

import type { PatientForm } from '../../../shared/api';
import { nodeOf } from '../../../shared/node-of';
import { waitForFilesFollows } from '../../input/notification-url';
import { nodeParameter } from '../../input/parameters';
import { addHint } from '../hints';
import { packageNodeType, workflowNodes } from '../workflow-nodes';

const TRIGGER = 'Dental Referrals Trigger';
const OPTION_TRIGGER = '"Dental Referrals Trigger of This Workflow"';

/**
 * After Prepare Form: a prepared referral whose PDFs nothing in this workflow will receive
 * (README, Hints above the output). Another workflow may still poll them, so the hint without any
 * trigger only informs; a wiring that points nowhere is a warning.
 */
interface Wiring {
	hasTrigger: boolean;
	hasStatusTrigger: boolean;
	waitForFilesFollows: boolean;
}

// What the workflow holds does not change between items: looked up once per node run.
const wirings = new WeakMap<object, Wiring | null>();

function wiringOf(this: IExecuteFunctions): Wiring | null {
	const known = wirings.get(this);
	if (known !== undefined) return known;
	const nodes = workflowNodes(this);
	const node = nodeOf(this);
	const has = (name: string) =>
		(nodes ?? []).some((other) => !other.disabled && other.type === packageNodeType(node, name));
	const wiring = nodes
		? {
				hasTrigger: has('dentalReferralsTrigger'),
				hasStatusTrigger: has('dentalReferralsStatusTrigger'),
				waitForFilesFollows: waitForFilesFollows.call(this),
			}
		: null;
	wirings.set(this, wiring);
	return wiring;
}

export function notificationHint(this: IExecuteFunctions, form: PatientForm, itemIndex: number): void {
	const wiring = wiringOf.call(this);
	if (!wiring) return;
	const { hasTrigger } = wiring;
	if (nodeParameter.call(this, 'filesReadyNotification', itemIndex, 'url') === 'trigger') {
		if (hasTrigger) return;
		addHint.call(
			this,
			`Files Ready Notification is ${OPTION_TRIGGER}, but this workflow has no enabled ${TRIGGER}: the API's notification will get 404. Add a ${TRIGGER} and publish the workflow.`,
			'warning',
		);
		return;
	}
	if (form.files_ready_webhook_url) return;
	if (wiring.waitForFilesFollows) {
		addHint.call(
			this,
			'Files Ready Notification sends no URL, so the Wait for PDFs node after this one will wait until its Wait Limit. Set Files Ready Notification to "Wait for PDFs in This Execution".',
			'warning',
		);
	} else if (hasTrigger) {
		addHint.call(
			this,
			`Files Ready Notification sends no URL, so this workflow's ${TRIGGER} will not hear of this referral. Set Files Ready Notification to ${OPTION_TRIGGER}.`,
			'warning',
		);
	} else if (!wiring.hasStatusTrigger) {
		addHint.call(
			this,
			`No PDF notification is set up: Files Ready Notification sends no URL and this workflow has no ${TRIGGER} or Dental Referrals Status Trigger, so unless another workflow watches this practice's referrals, nothing will receive the PDFs. Add a ${TRIGGER} (with Files Ready Notification ${OPTION_TRIGGER}), a Wait for PDFs node, or a Dental Referrals Status Trigger with the PDFs Ready event (needs no public URL).`,
		);
	}
}
