/**
 * The "Use it from an AI assistant" workflow (README): n8n's MCP Server Trigger with Dental
 * Referrals Tool nodes (the variant n8n generates from `usableAsTool`) on its Tools input, their
 * parameters filled by the MCP client through `$fromAI()`. The e2e suite and the README share it.
 */
import { randomUUID } from 'node:crypto';

import type { CredentialRef, WorkflowDefinition, WorkflowNode } from './n8n-api';

export const MCP_TRIGGER = 'MCP Server Trigger';
export const MCP_TRIGGER_TYPE = '@n8n/n8n-nodes-langchain.mcpTrigger';

/** A Dental Referrals Tool node: its canvas name becomes the tool name the client sees. */
export interface ToolNodeSpec {
	name: string;
	resource: string;
	operation: string;
	parameters?: Record<string, unknown>;
}

/**
 * `={{ $fromAI('key', 'description', 'type') }}`. n8n reads these calls with its own parser, so
 * the description must not contain the quote that delimits it.
 */
export function fromAI(key: string, description: string, type: 'string' | 'number' = 'string'): string {
	if (description.includes("'")) throw new Error(`$fromAI description for ${key} must not contain '`);
	return `={{ $fromAI('${key}', '${description}', '${type}') }}`;
}

/** The four tools of the README's setup: what a practice assistant asks for. */
export const REFERRAL_TOOLS: ToolNodeSpec[] = [
	{ name: 'List form types', resource: 'form', operation: 'getTypes' },
	{
		name: 'Prepare referral form',
		resource: 'form',
		operation: 'prepare',
		parameters: {
			formType: fromAI(
				'formType',
				'Form type name exactly as List form types returns it, e.g. AdultRestorativeForm',
			),
			patientDob: fromAI('dateOfBirth', 'Patient date of birth as YYYY-MM-DD or DD/MM/YYYY'),
			additionalFields: {
				patientFirstName: fromAI('firstName', 'Patient first name'),
				patientLastName: fromAI('lastName', 'Patient last name'),
				patientIdentifier: fromAI('patientId', 'The practice system ID of the patient, e.g. 1234'),
			},
		},
	},
	{
		name: 'Get referral status',
		resource: 'referral',
		operation: 'get',
		parameters: {
			// Node version 2: the Referral is a resource locator; its By URN mode takes the $fromAI expression.
			urn: {
				__rl: true,
				mode: 'urn',
				value: fromAI(
					'urn',
					'Referral URN such as TST0000001, as Prepare referral form or Get recent referrals return it',
				),
			},
		},
	},
	{
		name: 'Get recent referrals',
		resource: 'referral',
		operation: 'getMany',
		parameters: {
			returnAll: false,
			limit: fromAI('count', 'How many of the most recent referrals to return, 1 to 100', 'number'),
		},
	},
];

export interface McpWorkflowOptions {
	packageName: string;
	credential: CredentialRef;
	/** The MCP Server Trigger's Path: the server is at `<n8n>/mcp/<path>` once the workflow is published. */
	path: string;
	/** An `httpBearerAuth` credential: clients must send `Authorization: Bearer <token>`. */
	bearerCredential?: CredentialRef;
	tools?: ToolNodeSpec[];
	name?: string;
}

function toolNode(spec: ToolNodeSpec, index: number, options: McpWorkflowOptions): WorkflowNode {
	const { type, id, name } = options.credential;
	return {
		name: spec.name,
		type: `${options.packageName}.dentalReferralsTool`,
		typeVersion: 2,
		position: [-200 + 200 * index, 220],
		// 'auto': the tool description is the operation's action text (n8n's default).
		parameters: {
			descriptionType: 'auto',
			resource: spec.resource,
			operation: spec.operation,
			...spec.parameters,
		},
		credentials: { [type]: { id, name } },
	};
}

/** The MCP Server Trigger (typeVersion 2.1, streamable HTTP) with each tool on its Tools input. */
export function mcpWorkflow(options: McpWorkflowOptions): WorkflowDefinition {
	const tools = (options.tools ?? REFERRAL_TOOLS).map((spec, index) => toolNode(spec, index, options));
	const bearer = options.bearerCredential;
	const trigger: WorkflowNode = {
		name: MCP_TRIGGER,
		type: MCP_TRIGGER_TYPE,
		typeVersion: 2.1,
		position: [0, 0],
		// The editor gives every webhook node an id; the public API does not.
		webhookId: randomUUID(),
		parameters: { path: options.path, ...(bearer ? { authentication: 'bearerAuth' } : {}) },
		...(bearer ? { credentials: { [bearer.type]: { id: bearer.id, name: bearer.name } } } : {}),
	};
	const connections = Object.fromEntries(
		tools.map((tool) => [tool.name, { ai_tool: [[{ node: MCP_TRIGGER, type: 'ai_tool', index: 0 }]] }]),
	);
	return {
		name: options.name ?? 'Dental Referrals for AI assistants (MCP)',
		nodes: [trigger, ...tools],
		connections,
		settings: { executionOrder: 'v1' },
	};
}
