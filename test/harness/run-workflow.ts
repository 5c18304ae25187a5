import { Container } from '@n8n/di';
import { BinaryDataService, ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IBinaryData,
	type IConnections,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IVersionedNodeType,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { DentalReferrals } from '../../nodes/DentalReferrals/DentalReferrals.node';
import { TestCredentialsHelper } from './credentials-helper';
import { HarnessStart, type FixtureFile } from './start-node';

export const PACKAGE = 'n8n-nodes-dental-referrals';

const nodeTypeClasses: Record<string, INodeType | IVersionedNodeType> = {
	[`${PACKAGE}.dentalReferrals`]: new DentalReferrals(),
	'harness.start': new HarnessStart(),
};

export function registerNodeType(name: string, type: INodeType | IVersionedNodeType): void {
	nodeTypeClasses[name] = type;
}

const nodeTypes: INodeTypes = {
	getByName: (name) => nodeTypeClasses[name],
	getByNameAndVersion: (name, version) => NodeHelpers.getVersionedNodeType(nodeTypeClasses[name], version),
	getKnownTypes: () => ({}),
};

let binaryStoreReady: Promise<void> | undefined;
/** n8n 2.x keeps binaries in a store; tests use the filesystem mode under N8N_USER_FOLDER. */
export async function binaryStore(): Promise<BinaryDataService> {
	const service = Container.get(BinaryDataService);
	binaryStoreReady ??= service.init();
	await binaryStoreReady;
	return service;
}

export async function readBinary(binary: IBinaryData): Promise<Buffer> {
	return await (await binaryStore()).getAsBuffer(binary);
}

export const CREDENTIAL_ID = 'dental-referrals-test';

export interface WorkflowNode {
	name: string;
	type: string;
	parameters: INode['parameters'];
	continueOnFail?: boolean;
	credentials?: INode['credentials'];
	/** Node settings such as retryOnFail / maxTries / waitBetweenTries. */
	settings?: Pick<INode, 'retryOnFail' | 'maxTries' | 'waitBetweenTries'>;
}

export interface RunResult {
	run: IRun;
	/** The items a node emitted on its first output (empty if it did not run). */
	output(nodeName: string): INodeExecutionData[];
	/** The error that stopped the execution, if any. */
	error: IRun['data']['resultData']['error'];
}

/** A linear workflow: Start → nodes[0] → nodes[1] → … */
export interface LinearWorkflow {
	items?: object[];
	files?: FixtureFile[][];
	nodes: WorkflowNode[];
	credentials: ICredentialDataDecryptedObject;
	webhookBaseUrl?: string;
}

/** The n8n objects for a linear workflow: the Workflow, its stored form and the additional data. */
export function buildWorkflow(spec: LinearWorkflow) {
	const start: INode = {
		id: 'start',
		name: 'Start',
		type: 'harness.start',
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(spec.items ?? [{}]), files: JSON.stringify(spec.files ?? []) },
	};
	const nodes: INode[] = [start];
	const connections: IConnections = {};
	let previous = start.name;
	spec.nodes.forEach((node, index) => {
		nodes.push({
			id: `node-${index}`,
			name: node.name,
			type: node.type,
			typeVersion: 1,
			position: [200 * (index + 1), 0],
			parameters: node.parameters,
			continueOnFail: node.continueOnFail,
			...node.settings,
			credentials: node.credentials ?? {
				dentalReferralsApi: { id: CREDENTIAL_ID, name: 'Dental Referrals (sandbox)' },
			},
		});
		connections[previous] = { main: [[{ node: node.name, type: 'main', index: 0 }]] };
		previous = node.name;
	});

	const workflowData: IWorkflowBase = {
		id: 'wf-test',
		name: 'test',
		active: false,
		isArchived: false,
		nodes,
		connections,
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	} as unknown as IWorkflowBase;
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes,
		connections,
		active: false,
		nodeTypes,
		settings: {},
	});
	const executionId = `exec-${Math.random().toString(36).slice(2)}`;
	const webhookBaseUrl = spec.webhookBaseUrl ?? 'http://127.0.0.1:5678';
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper({ [CREDENTIAL_ID]: spec.credentials }),
		hooks: new ExecutionLifecycleHooks('manual', executionId, workflowData),
		executionId,
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: `${webhookBaseUrl}/rest`,
		instanceBaseUrl: webhookBaseUrl,
		webhookBaseUrl: `${webhookBaseUrl}/webhook`,
		webhookTestBaseUrl: `${webhookBaseUrl}/webhook-test`,
		webhookWaitingBaseUrl: `${webhookBaseUrl}/webhook-waiting`,
		formBaseUrl: `${webhookBaseUrl}/form`,
		formTestBaseUrl: `${webhookBaseUrl}/form-test`,
		formWaitingBaseUrl: `${webhookBaseUrl}/form-waiting`,
		mcpBaseUrl: `${webhookBaseUrl}/mcp`,
		mcpTestBaseUrl: `${webhookBaseUrl}/mcp-test`,
		logAiEvent: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;

	return { workflow, workflowData, additionalData, start, executionId };
}

/** Runs a workflow through n8n's real engine (n8n-core WorkflowExecute), in manual mode. */
export async function runWorkflow(spec: LinearWorkflow): Promise<RunResult> {
	await binaryStore();
	const { workflow, additionalData, start } = buildWorkflow(spec);
	const run = await new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode: start });
	return {
		run,
		error: run.data.resultData.error,
		output(nodeName) {
			return run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? [];
		},
	};
}
