/**
 * Runs a workflow as n8n exports it (examples/, saved fixtures): its own nodes, type versions,
 * parameters and connections, through n8n's real engine against a sandbox. Its credential slots
 * are pointed at the sandbox practice; its Manual Trigger is the harness's start node.
 */
import { readFileSync } from 'node:fs';

import { WorkflowExecute } from 'n8n-core';
import { Workflow, type IConnections, type INode } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import { binaryStore, buildWorkflow, CREDENTIAL_ID, runResult, type RunResult } from './run-workflow';
import { sandboxCredential } from './sandbox-workflow';
import { START_NODE_TYPE } from './start-node';

export interface ExportedWorkflow {
	nodes: INode[];
	connections: IConnections;
}

export function readExport(path: string): ExportedWorkflow {
	return JSON.parse(readFileSync(path, 'utf8')) as ExportedWorkflow;
}

export async function runExport(
	sandbox: Sandbox,
	exported: ExportedWorkflow,
	id: string,
): Promise<RunResult & { nodes: INode[] }> {
	await binaryStore();
	const { additionalData, workflow: harness } = buildWorkflow({
		nodes: [],
		credentials: sandboxCredential(sandbox),
	});
	const nodes = exported.nodes.map((node) =>
		node.credentials
			? { ...node, credentials: { dentalReferralsApi: { id: CREDENTIAL_ID, name: 'sandbox' } } }
			: node,
	);
	const workflow = new Workflow({
		id,
		name: id,
		nodes,
		connections: exported.connections,
		active: false,
		nodeTypes: harness.nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const trigger = nodes.find((node) => node.type === START_NODE_TYPE);
	if (!trigger) throw new Error(`${id}: no Manual Trigger to start from`);
	const run = await new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode: trigger });
	return { ...runResult(run), nodes };
}
