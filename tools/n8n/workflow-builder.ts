/**
 * Builds small workflows for the e2e tests: Manual Trigger → (a Code node making items) → one
 * Dental Referrals node, with the stack's credential attached.
 */
import type { CredentialRef, WorkflowDefinition, WorkflowNode } from './n8n-api';

export const MANUAL_TRIGGER = 'When clicking ‘Execute workflow’';
export const ACTION_NODE = 'Dental Referrals';
export const ITEMS_NODE = 'Items';

export interface ActionWorkflowOptions {
	packageName: string;
	credential: CredentialRef;
	resource: string;
	operation: string;
	/** Further node parameters (formType, patientDob, additionalFields, …). */
	parameters?: Record<string, unknown>;
	typeVersion?: number;
	name?: string;
	/** Input items for the action: a Code node between the trigger and the action makes this many ({ i }). */
	items?: number;
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
	const action: WorkflowNode = {
		name: ACTION_NODE,
		type: `${options.packageName}.dentalReferrals`,
		typeVersion: options.typeVersion ?? 1,
		position: [options.items === undefined ? 260 : 520, 0],
		parameters: { resource: options.resource, operation: options.operation, ...options.parameters },
		credentials: {
			[options.credential.type]: { id: options.credential.id, name: options.credential.name },
		},
	};
	const nodes = [manualTriggerNode()];
	if (options.items !== undefined) {
		nodes.push({
			name: ITEMS_NODE,
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [260, 0],
			parameters: { jsCode: `return Array.from({ length: ${options.items} }, (_, i) => ({ json: { i } }));` },
		});
	}
	nodes.push(action);
	const connections: WorkflowDefinition['connections'] = {};
	for (let i = 1; i < nodes.length; i++)
		connections[nodes[i - 1].name] = { main: [[{ node: nodes[i].name, type: 'main', index: 0 }]] };
	return {
		name: options.name ?? `e2e ${options.resource}.${options.operation}`,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
	};
}
