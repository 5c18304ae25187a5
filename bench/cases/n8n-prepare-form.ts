/**
 * Case 2: inside the real n8n of the e2e stage, Prepare Form over N items through our node
 * next to n8n's own HTTP Request node making the same calls (form-urlencoded body, the same
 * fields, Authorization header from a Header Auth credential).
 */
import type { Execution, WorkflowDefinition } from '../../e2e/n8n-api';
import type { Stack } from '../../e2e/stack';
import { PACKAGE } from '../../test/harness/run-workflow';
import type { BenchConfig } from '../config';
import { median } from '../measure';
import { check, round, type CaseResult } from '../results';
import { NODE_NAME, prepareFormParameters } from '../workflows';

const MANUAL = 'Manual Trigger';
const ITEMS = 'Items';
const HTTP_NODE = 'HTTP Request';

function workflow(
	name: string,
	items: number,
	node: WorkflowDefinition['nodes'][number],
): WorkflowDefinition {
	return {
		name,
		nodes: [
			{
				name: MANUAL,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				name: ITEMS,
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: { jsCode: `return Array.from({ length: ${items} }, (_, i) => ({ json: { i } }));` },
			},
			{ ...node, position: [440, 0] },
		],
		connections: {
			[MANUAL]: { main: [[{ node: ITEMS, type: 'main', index: 0 }]] },
			[ITEMS]: { main: [[{ node: node.name, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

interface Timing {
	nodeMs: number;
	executionMs: number;
}

function timing(execution: Execution, nodeName: string, items: number): Timing {
	const error = execution.data?.resultData.error;
	if (execution.status !== 'success')
		throw new Error(`execution ${execution.id}: ${execution.status} ${error?.message ?? ''}`);
	const run = execution.data?.resultData.runData[nodeName]?.[0] as
		| { executionTime?: number; data?: { main?: unknown[][] } }
		| undefined;
	const produced = run?.data?.main?.[0]?.length ?? 0;
	if (produced !== items) throw new Error(`${nodeName} produced ${produced} items, expected ${items}`);
	return {
		nodeMs: run?.executionTime ?? Number.NaN,
		executionMs: Date.parse(execution.stoppedAt ?? '') - Date.parse(execution.startedAt),
	};
}

async function sandboxRequests(
	origin: string,
): Promise<Array<{ path: string; bodyText?: string; headers: Record<string, string> }>> {
	const response = await fetch(`${origin}/__sandbox/requests`, { signal: AbortSignal.timeout(30_000) });
	return (await response.json()) as Array<{
		path: string;
		bodyText?: string;
		headers: Record<string, string>;
	}>;
}

async function clearSandbox(origin: string): Promise<void> {
	await fetch(`${origin}/__sandbox/requests`, { method: 'DELETE', signal: AbortSignal.timeout(30_000) });
}

export async function n8nPrepareFormCase(result: CaseResult, config: BenchConfig, stack: Stack) {
	const { api, credential, sandbox } = stack;
	const items = config.n8nItems;
	const formType = sandbox.practices[0].forms[0];
	const ours = await api.createWorkflow(
		workflow(`bench: Prepare Form x${items}`, items, {
			name: NODE_NAME,
			type: `${PACKAGE}.dentalReferrals`,
			typeVersion: 1,
			position: [0, 0],
			parameters: prepareFormParameters(formType),
			credentials: { [credential.type]: { id: credential.id, name: credential.name } },
		}),
	);
	// The same node with Options → Parallel Requests at its maximum: HTTP Request sends every
	// item's call at once, so this is the like-for-like configuration.
	const oursParallel = await api.createWorkflow(
		workflow(`bench: Prepare Form x${items} (parallel)`, items, {
			name: NODE_NAME,
			type: `${PACKAGE}.dentalReferrals`,
			typeVersion: 1,
			position: [0, 0],
			parameters: { ...prepareFormParameters(formType), options: { parallelRequests: 10 } },
			credentials: { [credential.type]: { id: credential.id, name: credential.name } },
		}),
	);
	const run = (id: string) => api.runManuallyAndWait(id, { triggerToStartFrom: { name: MANUAL } }, 300_000);

	// Our node first, once: the sandbox's record of it gives the HTTP Request node the very same calls.
	await clearSandbox(sandbox.origin);
	timing(await run(ours.id), NODE_NAME, items);
	const recorded = (await sandboxRequests(sandbox.origin)).filter((request) =>
		request.path.endsWith('/prepare_form'),
	);
	const last = recorded[recorded.length - 1];
	if (!last?.bodyText) throw new Error('the sandbox recorded no prepare_form call');
	const fields = [...new URLSearchParams(last.bodyText).entries()].map(([name, value]) => ({ name, value }));
	const headerAuth = await api.createCredential({
		name: 'Dental Referrals (header auth, bench)',
		type: 'httpHeaderAuth',
		data: { name: 'Authorization', value: `Token token=${stack.practiceKey}` },
	});
	const theirs = await api.createWorkflow(
		workflow(`bench: HTTP Request x${items}`, items, {
			name: HTTP_NODE,
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [0, 0],
			parameters: {
				method: 'POST',
				url: `${sandbox.baseUrl}prepare_form`,
				authentication: 'genericCredentialType',
				genericAuthType: 'httpHeaderAuth',
				sendHeaders: true,
				headerParameters: { parameters: [{ name: 'Accept', value: 'application/json' }] },
				sendBody: true,
				contentType: 'form-urlencoded',
				bodyParameters: { parameters: fields },
				options: {},
			},
			credentials: { httpHeaderAuth: { id: headerAuth.id, name: headerAuth.name } },
		}),
	);
	timing(await run(theirs.id), HTTP_NODE, items); // warm-up of the HTTP Request node
	const httpCalls = (await sandboxRequests(sandbox.origin)).filter((request) =>
		request.path.endsWith('/prepare_form'),
	);
	const httpBody = httpCalls[httpCalls.length - 1]?.bodyText;
	if (httpBody !== last.bodyText) {
		result.notes.push(`Bodies differ: ours ${last.bodyText} / HTTP Request ${httpBody}`);
	}
	await clearSandbox(sandbox.origin);

	const node: Timing[] = [];
	const parallel: Timing[] = [];
	const http: Timing[] = [];
	for (let round = 0; round < config.n8nRounds; round++) {
		const order = round % 2 ? ['http', 'parallel', 'node'] : ['node', 'parallel', 'http'];
		for (const which of order) {
			if (which === 'node') node.push(timing(await run(ours.id), NODE_NAME, items));
			else if (which === 'parallel') parallel.push(timing(await run(oursParallel.id), NODE_NAME, items));
			else http.push(timing(await run(theirs.id), HTTP_NODE, items));
		}
		await clearSandbox(sandbox.origin);
		console.log(
			`[bench]   round ${round + 1}: Dental Referrals ${node[round].nodeMs} ms (execution ${node[round].executionMs} ms), ` +
				`HTTP Request ${http[round].nodeMs} ms (execution ${http[round].executionMs} ms)`,
		);
	}
	const rate = (ms: number) => (items / ms) * 1000;
	const nodeRate = rate(median(node.map((t) => t.nodeMs)));
	const httpRate = rate(median(http.map((t) => t.nodeMs)));
	const parallelRate = rate(median(parallel.map((t) => t.nodeMs)));
	const nodeExecRate = rate(median(node.map((t) => t.executionMs)));
	const httpExecRate = rate(median(http.map((t) => t.executionMs)));
	Object.assign(result.figures, {
		items,
		rounds: config.n8nRounds,
		node_items_per_s: round(nodeRate),
		http_request_node_items_per_s: round(httpRate),
		ratio_node_vs_http_request_node: round(nodeRate / httpRate),
		node_parallel10_items_per_s: round(parallelRate),
		ratio_node_parallel10_vs_http_request_node: round(parallelRate / httpRate),
		node_execution_items_per_s: round(nodeExecRate),
		http_request_execution_items_per_s: round(httpExecRate),
		ratio_execution_node_vs_http_request: round(nodeExecRate / httpExecRate),
	});
	result.checks.push(
		check(
			'Dental Referrals node vs HTTP Request node (items/s ratio)',
			round(nodeRate / httpRate),
			'>=',
			1.0,
		),
		check(
			'Dental Referrals node with Parallel Requests 10 vs HTTP Request node (items/s ratio)',
			round(parallelRate / httpRate),
			'>=',
			1.0,
		),
	);
	result.notes.push(
		`Real n8n ${stack.toolchain.n8nVersion} on ${stack.toolchain.nodeVersion}, package installed as the Community Nodes screen does; manual runs via POST /rest/workflows/<id>/run.`,
		'Manual Trigger → Code node (N items) → the node under test. Rate = items / the node’s executionTime from the execution’s run data; execution rate = items / (stoppedAt − startedAt).',
		'HTTP Request 4.2: POST prepare_form, form-urlencoded body parameters copied from the body our node sent (read back from the sandbox), Header Auth credential with the same Authorization value, Accept: application/json.',
		`Median of ${config.n8nRounds} rounds after one warm-up run of each; order alternates.`,
	);
}
