/**
 * Builds small workflows for the e2e tests: Manual Trigger → one Dental Referrals node, with
 * the stack's credential attached.
 */
import type { CredentialRef, WorkflowDefinition, WorkflowNode } from './n8n-api';

export const MANUAL_TRIGGER = 'When clicking ‘Execute workflow’';
export const ACTION_NODE = 'Dental Referrals';

export interface ActionWorkflowOptions {
	packageName: string;
	credential: CredentialRef;
	resource: string;
	operation: string;
	/** Further node parameters (formType, patientDob, additionalFields, …). */
	parameters?: Record<string, unknown>;
	typeVersion?: number;
	name?: string;
}

/** The Manual Trigger ("Execute workflow") at the canvas origin. */
export function manualTriggerNode(): WorkflowNode {
	return {
		name: MANUAL_TRIGGER,
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
}

export function actionWorkflow(options: ActionWorkflowOptions): WorkflowDefinition {
	return {
		name: options.name ?? `e2e ${options.resource}.${options.operation}`,
		nodes: [
			manualTriggerNode(),
			{
				name: ACTION_NODE,
				type: `${options.packageName}.dentalReferrals`,
				typeVersion: options.typeVersion ?? 1,
				position: [260, 0],
				parameters: { resource: options.resource, operation: options.operation, ...options.parameters },
				credentials: {
					[options.credential.type]: { id: options.credential.id, name: options.credential.name },
				},
			},
		],
		connections: { [MANUAL_TRIGGER]: { main: [[{ node: ACTION_NODE, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}
