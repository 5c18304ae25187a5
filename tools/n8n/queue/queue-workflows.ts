/**
 * Production workflows for the queue-mode stage. Each starts at a Webhook node (or the
 * Dental Referrals Trigger), so its executions are production executions: the webhook
 * processor receives the call and enqueues it, a worker runs it.
 */
import { randomUUID } from 'node:crypto';

import type { CredentialRef, WorkflowDefinition, WorkflowNode } from '../n8n-api';

export const START = 'Start';

export interface QueueWorkflowContext {
	packageName: string;
	credential: CredentialRef;
	/** A form type of the sandbox practice the credential belongs to. */
	formType: string;
}

/** A POST Webhook node answering at once (the execution is queued, not awaited). */
function webhookStart(path: string): WorkflowNode {
	return {
		name: START,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: randomUUID(),
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
	};
}

function dentalNode(
	context: QueueWorkflowContext,
	name: string,
	x: number,
	parameters: Record<string, unknown>,
	extra: Partial<WorkflowNode> = {},
): WorkflowNode {
	return {
		name,
		type: `${context.packageName}.dentalReferrals`,
		typeVersion: 1,
		position: [x, 0],
		parameters,
		credentials: { [context.credential.type]: { id: context.credential.id, name: context.credential.name } },
		...extra,
	};
}

/** Connects the nodes in a line, first to last. */
function chain(...names: string[]): Record<string, unknown> {
	const connections: Record<string, unknown> = {};
	for (let i = 0; i + 1 < names.length; i++) {
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}

/** Upload Files of every binary property the item carries (file_0, file_1, … or scan, letter). */
const EVERY_BINARY = '={{ Object.keys($binary).join(",") }}';

export const ACTION = {
	letter: 'Letter to File',
	download: 'Download PDF',
	upload: 'Upload Files',
	prepare: 'Prepare Form',
} as const;

/**
 * Webhook `{ documentUrl, letterBase64 }` → Convert to File (an RTF letter made by n8n's
 * own node) → Download PDF (`scan`) → Upload Files (`scan`, `letter`) → Prepare Form with
 * the file upload id.
 */
export function actionWorkflow(context: QueueWorkflowContext, path: string): WorkflowDefinition {
	return {
		name: 'queue e2e: download + upload on the worker',
		nodes: [
			webhookStart(path),
			{
				name: ACTION.letter,
				type: 'n8n-nodes-base.convertToFile',
				typeVersion: 1.1,
				position: [220, 0],
				parameters: {
					operation: 'toBinary',
					sourceProperty: 'body.letterBase64',
					binaryPropertyName: 'letter',
					options: { fileName: 'referral-letter.rtf', mimeType: 'text/rtf' },
				},
			},
			dentalNode(context, ACTION.download, 440, {
				resource: 'document',
				operation: 'download',
				documentUrl: `={{ $('${START}').first().json.body.documentUrl }}`,
				binaryPropertyName: 'scan',
			}),
			dentalNode(context, ACTION.upload, 660, {
				resource: 'fileUpload',
				operation: 'upload',
				binaryPropertyName: 'scan, letter',
				uploadKind: 'other',
			}),
			dentalNode(context, ACTION.prepare, 880, {
				resource: 'form',
				operation: 'prepare',
				formType: context.formType,
				patientDob: '1980-01-31',
				additionalFields: {
					patientFirstName: 'Queue',
					patientLastName: 'Worker',
					fileuploadId: '={{ $json.fileupload_id }}',
				},
			}),
		],
		connections: chain(START, ACTION.letter, ACTION.download, ACTION.upload, ACTION.prepare),
		settings: { executionOrder: 'v1' },
	};
}

export const TRIGGER = {
	prepare: 'Prepare Form',
	trigger: 'Dental Referrals Trigger',
	upload: 'Upload the PDFs',
} as const;

/**
 * How Prepare Form learns where to send the files-ready notification: `trigger` = the URL the
 * trigger published in the workflow's static data (the README's pairing); `url` = the URL
 * passed in the Start call's body as `notifyUrl` (Additional Fields → Files Ready Webhook URL).
 */
export type NotifyBy = 'trigger' | 'url';

/**
 * Two entry points in one workflow: Webhook → Prepare Form, and Dental Referrals Trigger
 * (Download Files) → Upload Files of the PDFs it received (read back from the database on
 * the worker).
 */
export function triggerWorkflow(
	context: QueueWorkflowContext,
	path: string,
	notifyBy: NotifyBy,
): WorkflowDefinition {
	const additionalFields: Record<string, unknown> = { patientFirstName: 'Queue', patientLastName: 'Trigger' };
	if (notifyBy === 'url')
		additionalFields.filesReadyWebhookUrl = `={{ $('${START}').first().json.body.notifyUrl }}`;
	return {
		name: `queue e2e: files-ready trigger (${notifyBy})`,
		nodes: [
			webhookStart(path),
			dentalNode(context, TRIGGER.prepare, 220, {
				resource: 'form',
				operation: 'prepare',
				formType: context.formType,
				patientDob: '1975-06-15',
				additionalFields,
				filesReadyNotification: notifyBy,
			}),
			{
				name: TRIGGER.trigger,
				type: `${context.packageName}.dentalReferralsTrigger`,
				typeVersion: 1,
				position: [0, 220],
				webhookId: randomUUID(),
				parameters: { options: { downloadFiles: true } },
				credentials: {
					[context.credential.type]: { id: context.credential.id, name: context.credential.name },
				},
			},
			{
				...dentalNode(context, TRIGGER.upload, 220, {
					resource: 'fileUpload',
					operation: 'upload',
					binaryPropertyName: EVERY_BINARY,
					uploadKind: 'other',
				}),
				position: [220, 220],
			},
		],
		connections: { ...chain(START, TRIGGER.prepare), ...chain(TRIGGER.trigger, TRIGGER.upload) },
		settings: { executionOrder: 'v1' },
	};
}

export const WAIT = {
	prepare: 'Prepare Form',
	wait: 'Wait for PDFs',
	upload: 'Upload the PDFs',
} as const;

/** Webhook → Prepare Form (notification to this execution) → Wait for PDFs → Upload Files of the PDFs. */
export function waitWorkflow(context: QueueWorkflowContext, path: string): WorkflowDefinition {
	return {
		name: 'queue e2e: Wait for PDFs',
		nodes: [
			webhookStart(path),
			dentalNode(context, WAIT.prepare, 220, {
				resource: 'form',
				operation: 'prepare',
				formType: context.formType,
				patientDob: '1990-12-01',
				additionalFields: { patientFirstName: 'Queue', patientLastName: 'Wait' },
				filesReadyNotification: 'wait',
			}),
			dentalNode(
				context,
				WAIT.wait,
				440,
				{
					resource: 'referral',
					operation: 'waitForFiles',
					urn: '={{ $json.urn }}',
					waitLimit: 1,
					waitLimitUnit: 'hours',
					downloadFiles: true,
				},
				{ webhookId: randomUUID() },
			),
			dentalNode(context, WAIT.upload, 660, {
				resource: 'fileUpload',
				operation: 'upload',
				binaryPropertyName: EVERY_BINARY,
				uploadKind: 'other',
			}),
		],
		connections: chain(START, WAIT.prepare, WAIT.wait, WAIT.upload),
		settings: { executionOrder: 'v1' },
	};
}

/** Webhook → Dental Referrals List Available Forms: the smallest workflow a worker needs the package for. */
export function listFormsWorkflow(context: QueueWorkflowContext, path: string): WorkflowDefinition {
	return {
		name: 'queue e2e: list forms',
		nodes: [
			webhookStart(path),
			dentalNode(context, 'List Available Forms', 220, { resource: 'form', operation: 'getTypes' }),
		],
		connections: chain(START, 'List Available Forms'),
		settings: { executionOrder: 'v1' },
	};
}
