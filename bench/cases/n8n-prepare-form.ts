/**
 * Case 2: inside the real n8n of the e2e stage, Prepare Form over N items through our node
 * next to n8n's own HTTP Request node making the same calls (form-urlencoded body, the same
 * fields, Authorization header from a Header Auth credential), both at their defaults, with
 * 20 ms latency per request (the headline) and on loopback (a CPU diagnostic).
 */
import type { Execution, WorkflowDefinition } from '../../tools/n8n/n8n-api';
import type { Stack } from '../../tools/n8n/stack';
import { MANUAL_TRIGGER, manualTriggerNode } from '../../tools/n8n/workflow-builder';
import { PACKAGE } from '../../tools/engine/run-workflow';
import { LATENCY_MS, type BenchConfig } from '../../tools/bench/config';
import { median } from '../../tools/bench/measure';
import { DEFAULT_PARALLEL_REQUESTS, DentalReferrals } from '../../tools/product';
import { check, round, type CaseResult } from '../../tools/bench/results';
import { setLatency } from '../../tools/bench/sandbox-process';
import { NODE_NAME, prepareFormParameters } from '../../tools/bench/workflows';

const ITEMS = 'Items';
// The version n8n gives a node added today (its defaultVersion, else its highest), whose defaults the headline compares.
const { defaultVersion, version } = new DentalReferrals().description;
const NODE_VERSION = defaultVersion ?? Math.max(...[version].flat());
const HTTP_NODE = 'HTTP Request';

function workflow(
	name: string,
	items: number,
	node: WorkflowDefinition['nodes'][number],
): WorkflowDefinition {
	return {
		name,
		nodes: [
			manualTriggerNode(),
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
			[MANUAL_TRIGGER]: { main: [[{ node: ITEMS, type: 'main', index: 0 }]] },
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
			typeVersion: NODE_VERSION,
			position: [0, 0],
			parameters: prepareFormParameters(formType),
			credentials: { [credential.type]: { id: credential.id, name: credential.name } },
		}),
	);
	// The same node sending one item at a time (the default before issue #13): diagnostic.
	const oursOne = await api.createWorkflow(
		workflow(`bench: Prepare Form x${items} (one at a time)`, items, {
			name: NODE_NAME,
			type: `${PACKAGE}.dentalReferrals`,
			typeVersion: NODE_VERSION,
			position: [0, 0],
			parameters: { ...prepareFormParameters(formType), options: { parallelRequests: 1 } },
			credentials: { [credential.type]: { id: credential.id, name: credential.name } },
		}),
	);
	const run = (id: string) =>
		api.runManuallyAndWait(id, { triggerToStartFrom: { name: MANUAL_TRIGGER } }, 300_000);

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

	// Both nodes at their defaults, first with 20 ms per request (the headline), then on
	// loopback (a CPU diagnostic, with our node one item at a time as well).
	const scenarios = [
		{ latency: LATENCY_MS, variants: ['ours', 'http'] as const },
		{ latency: 0, variants: ['ours', 'one', 'http'] as const },
	];
	const timings: Record<string, Timing[]> = {};
	for (const scenario of scenarios) {
		await setLatency(sandbox.origin, scenario.latency);
		try {
			for (let r = 0; r < config.n8nRounds; r++) {
				const order = r % 2 ? [...scenario.variants].reverse() : scenario.variants;
				const line: string[] = [];
				for (const which of order) {
					const [id, name] =
						which === 'ours'
							? [ours.id, NODE_NAME]
							: which === 'one'
								? [oursOne.id, NODE_NAME]
								: [theirs.id, HTTP_NODE];
					const t = timing(await run(id), name, items);
					(timings[`${which}@${scenario.latency}`] ??= []).push(t);
					line.push(`${which} ${t.nodeMs} ms (execution ${t.executionMs} ms)`);
				}
				await clearSandbox(sandbox.origin);
				console.log(`[bench]   ${scenario.latency} ms latency, round ${r + 1}: ${line.join(', ')}`);
			}
		} finally {
			await setLatency(sandbox.origin, 0);
		}
	}
	const rate = (ms: number) => (items / ms) * 1000;
	const nodeRate = (key: string) => rate(median(timings[key].map((t) => t.nodeMs)));
	const execRate = (key: string) => rate(median(timings[key].map((t) => t.executionMs)));
	const headline = round(nodeRate(`ours@${LATENCY_MS}`) / nodeRate(`http@${LATENCY_MS}`));
	Object.assign(result.figures, {
		items,
		rounds: config.n8nRounds,
		latency_ms: LATENCY_MS,
		default_parallel_requests: DEFAULT_PARALLEL_REQUESTS,
		latency_node_items_per_s: round(nodeRate(`ours@${LATENCY_MS}`)),
		latency_http_request_node_items_per_s: round(nodeRate(`http@${LATENCY_MS}`)),
		latency_ratio_node_vs_http_request_node: headline,
		latency_ratio_execution_node_vs_http_request: round(
			execRate(`ours@${LATENCY_MS}`) / execRate(`http@${LATENCY_MS}`),
		),
		loopback_node_items_per_s: round(nodeRate('ours@0')),
		loopback_node_one_at_a_time_items_per_s: round(nodeRate('one@0')),
		loopback_http_request_node_items_per_s: round(nodeRate('http@0')),
		loopback_ratio_node_vs_http_request_node: round(nodeRate('ours@0') / nodeRate('http@0')),
		loopback_ratio_node_one_at_a_time_vs_http_request_node: round(nodeRate('one@0') / nodeRate('http@0')),
	});
	result.checks.push(
		check(
			`${LATENCY_MS} ms latency: Dental Referrals node vs HTTP Request node, both at their defaults (items/s ratio)`,
			headline,
			'>=',
			1.0,
		),
	);
	result.notes.push(
		`Real n8n ${stack.toolchain.n8nVersion} on ${stack.toolchain.nodeVersion}, package installed as the Community Nodes screen does; manual runs via POST /rest/workflows/<id>/run.`,
		'Manual Trigger → Code node (N items) → the node under test. Rate = items / the node’s executionTime from the execution’s run data; execution rate = items / (stoppedAt − startedAt).',
		'HTTP Request 4.2: POST prepare_form, form-urlencoded body parameters copied from the body our node sent (read back from the sandbox), Header Auth credential with the same Authorization value, Accept: application/json.',
		`Both nodes at their defaults: ours (node version ${NODE_VERSION}) sends ${DEFAULT_PARALLEL_REQUESTS} items at a time (Parallel Requests’ default), HTTP Request starts every item’s call at once (no Batching). Our node is also run with Parallel Requests 1 on loopback (diagnostic).`,
		`Latency: the sandbox’s 'slow' fault delays every API answer by ${LATENCY_MS} ms; loopback rows (no delay) are a CPU diagnostic.`,
		`Median of ${config.n8nRounds} rounds per scenario after one warm-up run of each; order alternates.`,
	);
}
