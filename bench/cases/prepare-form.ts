/**
 * Case 1: Prepare Form over N items through n8n's engine (n8n-core WorkflowExecute, one run)
 * against the sandbox in its own process.
 *
 * - Loopback (a CPU diagnostic: the sandbox answers at once): our node next to the floor
 *   node (tools/bench/floor-node.ts: the same httpRequestWithAuthentication call and nothing else)
 *   at 1 and at 10 requests in flight, plus raw node:http loops and a what-if with one shared
 *   keep-alive agent (diagnostics, no target). TCP connections are counted by the sandbox.
 * - 20 ms latency per request (the sandbox's 'slow' fault): our node at 1, 5, 10 and 20
 *   requests in flight, the data behind Parallel Requests' default.
 */
import http from 'node:http';

import { registerNodeType, runWorkflow } from '../../tools/engine/run-workflow';
import { withCannedAnswers } from '../../tools/bench/canned-answers';
import { LATENCY_MS, type BenchConfig } from '../../tools/bench/config';
import { FloorNode, FLOOR_NODE_TYPE } from '../../tools/bench/floor-node';
import { median, timed } from '../../tools/bench/measure';
import { formLoop } from '../../tools/bench/raw-http';
import { check, round, type CaseResult } from '../../tools/bench/results';
import type { SandboxProcess } from '../../tools/bench/sandbox-process';
import { NODE_NAME, NODE_TYPE, prepareFormParameters, sandboxCredential } from '../../tools/bench/workflows';

const SWEEP = [1, 5, 10, 20];
const CANNED_ITEMS_FACTOR = 3;

registerNodeType(FLOOR_NODE_TYPE, new FloorNode());

interface NodeRun {
	nodeMs: number;
	wallMs: number;
	/** CPU time of this (client) process during the run; the sandbox runs in its own process. */
	cpuMs: number;
	connections: number;
}

type Variant = { kind: 'ours'; parallel: number } | { kind: 'floor'; parallel: number; body: string };

async function runNode(sandbox: SandboxProcess, items: number, variant: Variant): Promise<NodeRun> {
	const connectionsBefore = await sandbox.connections();
	const node =
		variant.kind === 'ours'
			? {
					name: NODE_NAME,
					type: NODE_TYPE,
					parameters: {
						...prepareFormParameters(sandbox.formType),
						options: { parallelRequests: variant.parallel },
					},
				}
			: {
					name: NODE_NAME,
					type: FLOOR_NODE_TYPE,
					parameters: { body: variant.body, parallel: variant.parallel },
				};
	const cpuBefore = process.cpuUsage();
	const { value: run, ms } = await timed(() =>
		runWorkflow({
			items: Array.from({ length: items }, () => ({})),
			nodes: [node],
			credentials: sandboxCredential(sandbox.baseUrl, sandbox.apiKey),
		}),
	);
	const cpu = process.cpuUsage(cpuBefore);
	if (run.error) throw new Error(`the workflow failed: ${run.error.message}`);
	const output = run.output(NODE_NAME);
	if (output.length !== items || output.some((item) => !item.json.prepared_form_url)) {
		throw new Error(`${variant.kind}: expected ${items} prepared forms, got ${output.length}`);
	}
	const nodeRun = run.run.data.resultData.runData[NODE_NAME]?.[0];
	return {
		nodeMs: nodeRun?.executionTime ?? Number.NaN,
		wallMs: ms,
		cpuMs: (cpu.user + cpu.system) / 1000,
		connections: (await sandbox.connections()) - connectionsBefore,
	};
}

/** The exact call the node made (headers and body), read back from the sandbox's record. */
async function recordedCall(sandbox: SandboxProcess) {
	const calls = (await sandbox.requests()).filter((request) => request.path.endsWith('/prepare_form'));
	const last = calls[calls.length - 1];
	if (!last?.bodyText) throw new Error('the sandbox recorded no prepare_form body');
	if (calls.some((call) => call.status !== 200)) throw new Error('a prepare_form call was not answered 200');
	const headers: Record<string, string> = {};
	for (const name of ['authorization', 'content-type', 'accept', 'user-agent']) {
		if (last.headers[name]) headers[name] = last.headers[name];
	}
	return { headers, body: Buffer.from(last.bodyText), connectionHeader: last.headers.connection ?? '' };
}

/**
 * What-if: the same node run, but every request n8n hands to node:http is given one shared
 * keep-alive agent instead of the fresh non-keep-alive agent n8n built for it — swapped
 * before the request is constructed, so it is sent with `Connection: keep-alive` and the
 * connection is reused (the sandbox counts the connections). Diagnostic only.
 */
async function runWithSharedKeepAlive<T>(work: () => Promise<T>): Promise<T> {
	const shared = new http.Agent({ keepAlive: true, maxSockets: 10 });
	const module = http as unknown as { request: (...args: unknown[]) => http.ClientRequest };
	const original = module.request;
	module.request = function (...args: unknown[]) {
		const index = typeof args[0] === 'object' && !(args[0] instanceof URL) ? 0 : 1;
		if (args[index] && typeof args[index] === 'object') args[index] = { ...args[index], agent: shared };
		return original.apply(http, args);
	};
	try {
		return await work();
	} finally {
		module.request = original;
		shared.destroy();
	}
}

/** Median over rounds of the ratio within each round (the pair's A B B A runs). */
function pairedRatio(
	numerator: NodeRun[],
	denominator: NodeRun[],
	of: 'nodeMs' | 'cpuMs' = 'nodeMs',
): number {
	return median(numerator.map((run, index) => run[of] / denominator[index][of]));
}

/** One round's figure from its two runs of a variant: their mean. */
function meanRun(a: NodeRun, b: NodeRun): NodeRun {
	const mean = (key: keyof NodeRun) => (a[key] + b[key]) / 2;
	return {
		nodeMs: mean('nodeMs'),
		wallMs: mean('wallMs'),
		cpuMs: mean('cpuMs'),
		connections: mean('connections'),
	};
}

/**
 * One round of a pair: our node and the floor node A B B A (which is A alternating by round),
 * because the load of a shared machine drifts within seconds and A B B A gives both the same
 * drift. Each node's figure for the round is the mean of its two runs.
 */
async function runPair(
	sandbox: SandboxProcess,
	items: number,
	floor: Variant,
	round: number,
	into: Record<string, NodeRun[]>,
): Promise<void> {
	const { parallel } = floor;
	const variants: Array<[string, Variant]> = [
		[`ours${parallel}`, { kind: 'ours', parallel }],
		[`floor${parallel}`, floor],
	];
	if (round % 2) variants.reverse();
	const first: Record<string, NodeRun> = {};
	for (const [key, variant] of variants) first[key] = await runNode(sandbox, items, variant);
	for (const [key, variant] of variants.reverse()) {
		into[key].push(meanRun(first[key], await runNode(sandbox, items, variant)));
	}
}

export async function prepareFormCase(result: CaseResult, config: BenchConfig, sandbox: SandboxProcess) {
	const items = config.items;
	const url = `${sandbox.baseUrl}prepare_form`;
	const warm = Math.min(100, items);
	await sandbox.setLatency(0);
	await sandbox.clearRequests();
	await runNode(sandbox, warm, { kind: 'ours', parallel: 1 }); // warm-up (JIT, lazy modules)
	const call = await recordedCall(sandbox);
	const body = call.body.toString('utf8');
	const floor1: Variant = { kind: 'floor', parallel: 1, body };
	const floor10: Variant = { kind: 'floor', parallel: 10, body };
	// V8 keeps optimising for several full runs: warm every node variant up at full size, twice.
	for (let i = 0; i < 2; i++) {
		await runNode(sandbox, items, { kind: 'ours', parallel: 1 });
		await runNode(sandbox, items, floor1);
		await runNode(sandbox, items, { kind: 'ours', parallel: 10 });
		await runNode(sandbox, items, floor10);
		await sandbox.clearRequests();
	}
	await formLoop(url, call.headers, call.body, warm, true);
	await formLoop(url, call.headers, call.body, warm, false);
	const whatIfProbe = await runWithSharedKeepAlive(() =>
		runNode(sandbox, warm, { kind: 'ours', parallel: 1 }),
	);
	await sandbox.clearRequests();
	await runWithSharedKeepAlive(() => runNode(sandbox, 1, { kind: 'ours', parallel: 1 }));
	const whatIfCall = await recordedCall(sandbox);

	// Loopback: each node variant twice per round (A B B A), the diagnostics once; steps rotate by round.
	const show = (run: NodeRun) => `${run.nodeMs.toFixed(0)} (${run.cpuMs.toFixed(0)})`;
	const runs: Record<string, NodeRun[]> = { ours1: [], floor1: [], ours10: [], floor10: [], whatIf: [] };
	const keepAlive: number[] = [];
	const newConnection: number[] = [];
	for (let r = 0; r < config.rounds; r++) {
		await sandbox.clearRequests();
		const steps = [
			() => runPair(sandbox, items, floor1, r, runs),
			() => runPair(sandbox, items, floor10, r, runs),
			async () => keepAlive.push((await timed(() => formLoop(url, call.headers, call.body, items, true))).ms),
			async () =>
				newConnection.push((await timed(() => formLoop(url, call.headers, call.body, items, false))).ms),
			async () =>
				runs.whatIf.push(
					await runWithSharedKeepAlive(() => runNode(sandbox, items, { kind: 'ours', parallel: 1 })),
				),
		];
		for (let i = 0; i < steps.length; i++) await steps[(i + r) % steps.length]();
		console.log(
			`[bench]   loopback round ${r + 1} (ms, CPU ms): ours@1 ${show(runs.ours1[r])}, floor@1 ${show(runs.floor1[r])}, ` +
				`ours@10 ${show(runs.ours10[r])}, floor@10 ${show(runs.floor10[r])}, ` +
				`raw keep-alive ${keepAlive[r].toFixed(0)} ms, raw new connection ${newConnection[r].toFixed(0)} ms, ` +
				`what-if ${runs.whatIf[r].nodeMs} ms`,
		);
	}

	// Canned answers (diagnostic): the same pairs with the network taken out, CPU only.
	// Runs of a few times more items: a run without the network is short, and a collection of
	// garbage landing in one run or the next would otherwise decide its figure.
	const cannedItems = CANNED_ITEMS_FACTOR * items;
	const canned: Record<string, NodeRun[]> = { ours1: [], floor1: [], ours10: [], floor10: [] };
	const cannedAnswer = { urn: 'TST0000001', prepared_form_url: `${sandbox.origin}/forms/canned` };
	await withCannedAnswers(cannedAnswer, async () => {
		for (let r = 0; r < config.rounds; r++) {
			await runPair(sandbox, cannedItems, floor1, r, canned);
			await runPair(sandbox, cannedItems, floor10, r, canned);
			console.log(
				`[bench]   canned answers round ${r + 1} (CPU ms): ours@1 ${canned.ours1[r].cpuMs.toFixed(0)}, ` +
					`floor@1 ${canned.floor1[r].cpuMs.toFixed(0)}, ours@10 ${canned.ours10[r].cpuMs.toFixed(0)}, ` +
					`floor@10 ${canned.floor10[r].cpuMs.toFixed(0)}`,
			);
		}
	});

	// 20 ms per request: our node at each concurrency of the sweep, alternating order.
	const latencyItems = config.latencyItems;
	await sandbox.setLatency(LATENCY_MS);
	const sweep: Record<number, number[]> = Object.fromEntries(SWEEP.map((p) => [p, []]));
	try {
		for (let r = 0; r < config.latencyRounds; r++) {
			await sandbox.clearRequests();
			const order = r % 2 ? [...SWEEP].reverse() : SWEEP;
			for (const parallel of order) {
				sweep[parallel].push((await runNode(sandbox, latencyItems, { kind: 'ours', parallel })).nodeMs);
			}
			console.log(
				`[bench]   ${LATENCY_MS} ms latency round ${r + 1}: ` +
					SWEEP.map((p) => `ours@${p} ${sweep[p][r]} ms`).join(', '),
			);
		}
	} finally {
		await sandbox.setLatency(0);
		await sandbox.clearRequests();
	}

	const perItem = (ms: number, n = items) => ms / n;
	const med = (list: NodeRun[]) => median(list.map((run) => run.nodeMs));
	const ours1 = med(runs.ours1);
	const floorAt1 = med(runs.floor1);
	const ours10 = med(runs.ours10);
	const floorAt10 = med(runs.floor10);
	const whatIf = med(runs.whatIf);
	const rawKeepAlive = median(keepAlive);
	const rawNew = median(newConnection);
	const figures: Record<string, number> = {
		items,
		rounds: config.rounds,
		ratio_ours_vs_floor_1_in_flight: round(pairedRatio(runs.floor1, runs.ours1)),
		ratio_ours_vs_floor_10_in_flight: round(pairedRatio(runs.floor10, runs.ours10)),
		cpu_ratio_ours_vs_floor_1_in_flight: round(pairedRatio(runs.floor1, runs.ours1, 'cpuMs')),
		cpu_ratio_ours_vs_floor_10_in_flight: round(pairedRatio(runs.floor10, runs.ours10, 'cpuMs')),
		ratio_of_medians_ours_vs_floor_1_in_flight: round(floorAt1 / ours1),
		ratio_of_medians_ours_vs_floor_10_in_flight: round(floorAt10 / ours10),
		ours_1_ms_per_item: round(perItem(ours1)),
		floor_1_ms_per_item: round(perItem(floorAt1)),
		ours_10_ms_per_item: round(perItem(ours10)),
		ours_1_cpu_ms_per_item: round(perItem(median(runs.ours1.map((run) => run.cpuMs)))),
		floor_1_cpu_ms_per_item: round(perItem(median(runs.floor1.map((run) => run.cpuMs)))),
		floor_10_ms_per_item: round(perItem(floorAt10)),
		raw_keepalive_ms_per_item: round(perItem(rawKeepAlive)),
		raw_new_connection_ms_per_item: round(perItem(rawNew)),
		ratio_ours_1_vs_raw_keepalive: round(rawKeepAlive / ours1),
		ratio_floor_1_vs_raw_keepalive: round(rawKeepAlive / floorAt1),
		canned_ratio_ours_vs_floor_1_in_flight: round(pairedRatio(canned.floor1, canned.ours1, 'cpuMs')),
		canned_ratio_ours_vs_floor_10_in_flight: round(pairedRatio(canned.floor10, canned.ours10, 'cpuMs')),
		canned_items: cannedItems,
		canned_ours_1_cpu_us_per_item: round(
			1000 * perItem(median(canned.ours1.map((run) => run.cpuMs)), cannedItems),
		),
		canned_floor_1_cpu_us_per_item: round(
			1000 * perItem(median(canned.floor1.map((run) => run.cpuMs)), cannedItems),
		),
		whatif_shared_keepalive_ms_per_item: round(perItem(whatIf)),
		ratio_whatif_shared_keepalive_vs_ours_1: round(ours1 / whatIf),
		ours_tcp_connections_per_call: round(median(runs.ours1.map((run) => run.connections)) / items),
		whatif_tcp_connections_per_call: round(median(runs.whatIf.map((run) => run.connections)) / items, 2),
		whatif_probe_tcp_connections: whatIfProbe.connections,
		latency_ms: LATENCY_MS,
		latency_items: latencyItems,
		latency_rounds: config.latencyRounds,
	};
	for (const parallel of SWEEP) {
		figures[`latency_ours_${parallel}_ms_per_item`] = round(median(sweep[parallel]) / latencyItems);
	}
	figures.latency_speedup_10_vs_1 = round(median(sweep[1]) / median(sweep[10]));
	figures.latency_speedup_20_vs_10 = round(median(sweep[10]) / median(sweep[20]));
	Object.assign(result.figures, figures);
	result.checks.push(
		check(
			'loopback: our node vs the floor node, 1 in flight (items/s ratio)',
			figures.ratio_ours_vs_floor_1_in_flight,
			'>=',
			0.95,
		),
		check(
			'loopback: our node vs the floor node, 10 in flight (items/s ratio)',
			figures.ratio_ours_vs_floor_10_in_flight,
			'>=',
			0.95,
		),
	);
	result.notes.push(
		`Loopback: median of ${config.rounds} rounds after two full-size warm-up runs of each node variant; each round runs our node and the floor node A B B A (which node is A alternating by round) at 1 and at 10 in flight, and the diagnostics, in rotated order. Floor ratios = median over rounds of the ratio within a round (each node’s two runs averaged); the CPU ratios use the client process’s CPU time instead of the node’s executionTime (a diagnostic less sensitive to other processes’ load). ${LATENCY_MS} ms latency: median of ${config.latencyRounds} rounds of ${latencyItems} items, order alternating.`,
		'Rate = items / the node’s executionTime in the run data. Ratios are the other variant’s time / ours (above 1: ours is faster).',
		'Floor node (tools/bench/floor-node.ts): per item exactly the httpRequestWithAuthentication call our node makes (same credential type and options, credential read once per run), without parameter reads, checks or error mapping — the lowest cost n8n allows a community node.',
		`Canned answers (diagnostic, no target): the same A B B A pairs with the network taken out — the axios under n8n’s request path answers every request at once (tools/bench/canned-answers.ts), ${CANNED_ITEMS_FACTOR}× the items per run — so the CPU ratio compares the two nodes’ own work with far less noise than loopback.`,
		'Raw loops (diagnostic, no target): plain node:http POSTs replaying the exact headers and body the node sent, on one keep-alive connection or a new connection per call.',
		`What-if (diagnostic): our node with every node:http request given one shared keep-alive agent before it is built (sent with “Connection: ${whatIfCall.connectionHeader}”; the node alone sends “Connection: ${call.connectionHeader}”). TCP connections are counted by the sandbox (server side).`,
		`Latency: the sandbox’s 'slow' fault delays every API answer by ${LATENCY_MS} ms (no limit on concurrent requests).`,
		'Sandbox in its own process; client in the bench process (Node ' + process.version + ').',
	);
}
