/**
 * The examples a newcomer imports must do something on a fresh sandbox: `every-operation.json`
 * is run as exported (its nodes, parameters and connections) through n8n's real engine against a
 * fresh sandbox, with n8n's Manual Trigger stood in by the harness's start node.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { WorkflowExecute } from 'n8n-core';
import { Workflow, type IConnections, type INode } from 'n8n-workflow';

import { buildWorkflow, CREDENTIAL_ID, runResult } from '../../tools/engine/run-workflow';
import { sandboxCredential, useSandbox } from '../../tools/engine/sandbox-workflow';
import { START_NODE_TYPE } from '../../tools/engine/start-node';

const MANUAL_TRIGGER = START_NODE_TYPE;

function readExample(file: string): { nodes: INode[]; connections: IConnections } {
	return JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', file), 'utf8'));
}

describe('examples/every-operation.json on a fresh sandbox', () => {
	const sandbox = useSandbox();

	it('runs every node, Get by Patient included, from the PTGUID its own Save Draft returned', async () => {
		const example = readExample('every-operation.json');
		const { additionalData, workflow: harnessWorkflow } = buildWorkflow({
			nodes: [],
			credentials: sandboxCredential(sandbox()),
		});
		const nodes = example.nodes.map((node) =>
			node.credentials
				? { ...node, credentials: { dentalReferralsApi: { id: CREDENTIAL_ID, name: 'sandbox' } } }
				: node,
		);
		const workflow = new Workflow({
			id: 'every-operation',
			name: 'every-operation',
			nodes,
			connections: example.connections,
			active: false,
			nodeTypes: harnessWorkflow.nodeTypes,
			settings: { executionOrder: 'v1' },
		});
		const trigger = nodes.find((node) => node.type === MANUAL_TRIGGER)!;
		const result = runResult(
			await new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode: trigger }),
		);

		expect(result.error).toBeUndefined();
		expect(
			sandbox().requests.filter((request) => request.path.endsWith('/batch_referral_status')),
		).toHaveLength(1);
		expect(result.output('Get Recent')).toEqual([]); // nothing submitted yet on a fresh sandbox
		expect(Object.keys(result.run.data.resultData.runData).sort()).toEqual(
			nodes.map((node) => node.name).sort(),
		);
		const ptguid = result.output('Save Draft')[0].json.ptguid;
		expect(ptguid).toEqual(expect.any(String));
		const byPatient = sandbox().requests.filter((request) => request.path.endsWith('/patient_referrals'));
		expect(byPatient).toHaveLength(1);
		expect(byPatient[0].query.ptguid).toBe(ptguid);
	});
});
