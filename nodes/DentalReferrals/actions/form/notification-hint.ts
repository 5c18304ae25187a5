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

type Hint = { message: string; type: 'warning' | 'info' } | undefined;

// The messages are built once: the hint is decided for every item a node run sends.
const TRIGGER_MISSING: Hint = {
	message: `Files Ready Notification is ${OPTION_TRIGGER}, but this workflow has no enabled ${TRIGGER}: the API's notification will get 404. Add a ${TRIGGER} and publish the workflow.`,
	type: 'warning',
};
const WAIT_WITHOUT_URL: Hint = {
	message:
		'Files Ready Notification sends no URL, so the Wait for PDFs node after this one will wait until its Wait Limit. Set Files Ready Notification to "Wait for PDFs in This Execution".',
	type: 'warning',
};
const TRIGGER_WITHOUT_URL: Hint = {
	message: `Files Ready Notification sends no URL, so this workflow's ${TRIGGER} will not hear of this referral. Set Files Ready Notification to ${OPTION_TRIGGER}.`,
	type: 'warning',
};
const NOTHING_RECEIVES: Hint = {
	message: `No PDF notification is set up: Files Ready Notification sends no URL and this workflow has no ${TRIGGER} or Dental Referrals Status Trigger, so unless another workflow watches this practice's referrals, nothing will receive the PDFs. Add a ${TRIGGER} (with Files Ready Notification ${OPTION_TRIGGER}), a Wait for PDFs node, or a Dental Referrals Status Trigger with the PDFs Ready event (needs no public URL).`,
	type: 'info',
};

function hintFor(wiring: Wiring, notifiesTrigger: boolean, sendsUrl: boolean): Hint {
	if (notifiesTrigger) return wiring.hasTrigger ? undefined : TRIGGER_MISSING;
	if (sendsUrl) return undefined;
	if (wiring.waitForFilesFollows) return WAIT_WITHOUT_URL;
	if (wiring.hasTrigger) return TRIGGER_WITHOUT_URL;
	return wiring.hasStatusTrigger ? undefined : NOTHING_RECEIVES;
}

export function notificationHint(this: IExecuteFunctions, form: PatientForm, itemIndex: number): void {
	const wiring = wiringOf.call(this);
	if (!wiring) return;
	const notifiesTrigger = nodeParameter.call(this, 'filesReadyNotification', itemIndex, 'url') === 'trigger';
	const hint = hintFor(wiring, notifiesTrigger, Boolean(form.files_ready_webhook_url));
	if (hint) addHint.call(this, hint.message, hint.type);
}
