import { Container } from '@n8n/di';
import { BinaryDataService, ExecutionLifecycleHooks, InstanceSettings, WorkflowExecute } from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
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
	type NodeExecutionHint,
} from 'n8n-workflow';

import { DentalReferrals, DentalReferralsTrigger } from '../product';
import { TestCredentialsHelper } from './credentials-helper';
import { HarnessStart, START_NODE_TYPE, type FixtureFile } from './start-node';

export const PACKAGE = 'n8n-nodes-dental-referrals';

const nodeTypeClasses: Record<string, INodeType | IVersionedNodeType> = {
	[`${PACKAGE}.dentalReferrals`]: new DentalReferrals(),
	[`${PACKAGE}.dentalReferralsTrigger`]: new DentalReferralsTrigger(),
	[START_NODE_TYPE]: new HarnessStart(),
};

export function registerNodeType(name: string, type: INodeType | IVersionedNodeType): void {
	nodeTypeClasses[name] = type;
}

const nodeTypes: INodeTypes = {
	getByName: (name) => nodeTypeClasses[name],
	getByNameAndVersion: (name, version) => NodeHelpers.getVersionedNodeType(nodeTypeClasses[name], version),
	getKnownTypes: () => ({}),
};

/** This n8n "instance"'s id (n8n-core's InstanceSettings), which the trigger's URL token is keyed with. */
export function instanceId(): string {
	return Container.get(InstanceSettings).instanceId;
}

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
	disabled?: boolean;
	credentials?: INode['credentials'];
	/** Node settings such as retryOnFail / maxTries / waitBetweenTries. */
	settings?: Pick<INode, 'retryOnFail' | 'maxTries' | 'waitBetweenTries'>;
	/** The node version the workflow was saved with; 1 unless given. */
	typeVersion?: number;
}

export interface RunResult {
	run: IRun;
	/** The items a node emitted on its first output (empty if it did not run). */
	output(nodeName: string): INodeExecutionData[];
	/** The execution hints n8n-core collected for a node's first run (what the editor shows). */
	hints(nodeName: string): NodeExecutionHint[];
	/** The error that stopped the execution, if any. */
	error: IRun['data']['resultData']['error'];
}

/**
 * A workflow for tests: Start → nodes[0] → nodes[1] → …, and optionally a second branch
 * that begins at a trigger node: trigger → triggerDownstream[0] → …
 */
export interface LinearWorkflow {
	items?: object[];
	files?: FixtureFile[][];
	nodes: WorkflowNode[];
	trigger?: WorkflowNode & { webhookId?: string };
	triggerDownstream?: WorkflowNode[];
	credentials: ICredentialDataDecryptedObject;
	/** What n8n's WEBHOOK_URL (or host and port) would give, without the /webhook path. */
	webhookBaseUrl?: string;
	/** The workflow's static data, shared between an activation and later executions. */
	staticData?: IDataObject;
	workflowId?: string;
	executionId?: string;
}

function toNode(node: WorkflowNode & { webhookId?: string }, id: string, position: number): INode {
	return {
		id,
		name: node.name,
		type: node.type,
		typeVersion: node.typeVersion ?? 1,
		position: [200 * position, 0],
		parameters: node.parameters,
		continueOnFail: node.continueOnFail,
		disabled: node.disabled,
		webhookId: node.webhookId,
		...node.settings,
		credentials: node.credentials ?? {
			dentalReferralsApi: { id: CREDENTIAL_ID, name: 'Dental Referrals (sandbox)' },
		},
	};
}

function chain(connections: IConnections, names: string[]): void {
	for (let i = 1; i < names.length; i++) {
		connections[names[i - 1]] = { main: [[{ node: names[i], type: 'main', index: 0 }]] };
	}
}

/** Everything n8n's engine needs for the workflow: the Workflow, its stored form and the additional data. */
export function buildWorkflow(spec: LinearWorkflow) {
	const start: INode = {
		id: 'start',
		name: 'Start',
		type: START_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(spec.items ?? [{}]), files: JSON.stringify(spec.files ?? []) },
	};
	const nodes: INode[] = [
		start,
		...spec.nodes.map((node, index) => toNode(node, `node-${index}`, index + 1)),
	];
	const connections: IConnections = {};
	chain(
		connections,
		nodes.map((node) => node.name),
	);
	if (spec.trigger) {
		const triggerNodes = [spec.trigger, ...(spec.triggerDownstream ?? [])].map((node, index) =>
			toNode(node, `trigger-${index}`, index),
		);
		nodes.push(...triggerNodes);
		chain(
			connections,
			triggerNodes.map((node) => node.name),
		);
	}

	const workflowData: IWorkflowBase = {
		id: spec.workflowId ?? 'wf-test',
		name: 'test',
		active: false,
		isArchived: false,
		nodes,
		connections,
		settings: {},
		staticData: spec.staticData,
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
		staticData: spec.staticData,
	});
	const executionId = spec.executionId ?? String(Math.floor(Math.random() * 1e9));
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

export function runResult(run: IRun): RunResult {
	return {
		run,
		error: run.data.resultData.error,
		output(nodeName) {
			return run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? [];
		},
		hints(nodeName) {
			return run.data.resultData.runData[nodeName]?.[0]?.hints ?? [];
		},
	};
}

/** Runs a workflow from Start through n8n's real engine (n8n-core WorkflowExecute), in manual mode. */
export async function runWorkflow(spec: LinearWorkflow): Promise<RunResult> {
	await binaryStore();
	const { workflow, additionalData, start } = buildWorkflow(spec);
	return runResult(await new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode: start }));
}
