/**
 * Case 1: Prepare Form over N items through n8n's engine (n8n-core WorkflowExecute, one run)
 * against the sandbox in its own process.
 *
 * - Loopback (a CPU diagnostic: the sandbox answers at once): our node next to the floor
 *   node (tools/bench/floor-node.ts: the same httpRequestWithAuthentication call and nothing else)
 *   at 1 and at 10 requests in flight, plus raw node:http loops and a what-if with one shared
 *   keep-alive agent (diagnostics, no target), in several fresh processes whose rounds are pooled.
 *   TCP connections are counted by the sandbox.
 * - Canned answers (diagnostic): the same pairs with the network taken out, in this process.
 * - 20 ms latency per request (the sandbox's 'slow' fault): our node at 1, 5, 10, 20 and 50
 *   requests in flight, the data behind Parallel Requests' default and maximum.
 */
import { join } from 'node:path';

import { runChild } from '../../tools/bench/child';
import { withCannedAnswers } from '../../tools/bench/canned-answers';
import { LATENCY_MS, type BenchConfig } from '../../tools/bench/config';
import { median } from '../../tools/bench/measure';
import {
	pairedRatio,
	recordedCall,
	runNode,
	runPair,
	runWithSharedKeepAlive,
	type NodeRun,
	type Variant,
} from '../../tools/bench/node-runs';
import { check, round, type CaseResult } from '../../tools/bench/results';
import type { SandboxProcess } from '../../tools/bench/sandbox-process';
import type { LoopbackAnswer, LoopbackJob } from './loopback-child';

const LOOPBACK_CHILD = join(__dirname, 'loopback-child.js');
// Up to Parallel Requests' maximum.
const SWEEP = [1, 5, 10, 20, 50];
const CANNED_ITEMS_FACTOR = 3;

/**
 * The loopback rounds, split over `config.loopbackProcesses` fresh processes run one after
 * another (bench/cases/loopback-child.ts) and pooled: round r follows the same order rule
 * (which node goes first, which step comes first) in whichever process it runs.
 */
async function loopbackRounds(
	sandbox: SandboxProcess,
	config: BenchConfig,
	call: LoopbackJob['call'],
): Promise<{ pooled: LoopbackAnswer; byProcess: LoopbackAnswer[] }> {
	const show = (run: NodeRun) => `${run.nodeMs.toFixed(0)} (${run.cpuMs.toFixed(0)})`;
	const pooled: LoopbackAnswer = {
		runs: { ours1: [], floor1: [], ours10: [], floor10: [], whatIf: [] },
		keepAliveMs: [],
		newConnectionMs: [],
	};
	const byProcess: LoopbackAnswer[] = [];
	const perProcess = Math.ceil(config.rounds / config.loopbackProcesses);
	for (let first = 0; first < config.rounds; first += perProcess) {
		const job: LoopbackJob = {
			origin: sandbox.origin,
			items: config.items,
			rounds: Math.min(perProcess, config.rounds - first),
			firstRound: first,
			call,
		};
		const answer = await runChild<LoopbackAnswer>(LOOPBACK_CHILD, [JSON.stringify(job)], {
			timeoutMs: 30 * 60_000,
		});
		byProcess.push(answer);
		for (const [key, list] of Object.entries(answer.runs))
			pooled.runs[key as keyof LoopbackAnswer['runs']].push(...list);
		pooled.keepAliveMs.push(...answer.keepAliveMs);
		pooled.newConnectionMs.push(...answer.newConnectionMs);
		answer.runs.ours1.forEach((_, i) => {
			const { runs } = answer;
			console.log(
				`[bench]   loopback round ${first + i + 1} (process ${byProcess.length}; ms, CPU ms): ours@1 ${show(runs.ours1[i])}, floor@1 ${show(runs.floor1[i])}, ` +
					`ours@10 ${show(runs.ours10[i])}, floor@10 ${show(runs.floor10[i])}, ` +
					`raw keep-alive ${answer.keepAliveMs[i].toFixed(0)} ms, raw new connection ${answer.newConnectionMs[i].toFixed(0)} ms, ` +
					`what-if ${runs.whatIf[i].nodeMs} ms`,
			);
		});
	}
	return { pooled, byProcess };
}

export async function prepareFormCase(result: CaseResult, config: BenchConfig, sandbox: SandboxProcess) {
	const items = config.items;
	const warm = Math.min(100, items);
	await sandbox.setLatency(0);
	await sandbox.clearRequests();
	await runNode(sandbox, warm, { kind: 'ours', parallel: 1 }); // warm-up (JIT, lazy modules)
	const call = await recordedCall(sandbox);
	const floor1: Variant = { kind: 'floor', parallel: 1, body: call.body };
	const floor10: Variant = { kind: 'floor', parallel: 10, body: call.body };
	const whatIfProbe = await runWithSharedKeepAlive(() =>
		runNode(sandbox, warm, { kind: 'ours', parallel: 1 }),
	);
	await sandbox.clearRequests();
	await runWithSharedKeepAlive(() => runNode(sandbox, 1, { kind: 'ours', parallel: 1 }));
	const whatIfCall = await recordedCall(sandbox);
	await sandbox.clearRequests();

	const { pooled, byProcess } = await loopbackRounds(sandbox, config, {
		headers: call.headers,
		body: call.body,
	});
	const { runs } = pooled;

	// Canned answers (diagnostic): the same pairs with the network taken out, CPU only.
	// Runs of a few times more items: a run without the network is short, and a collection of
	// garbage landing in one run or the next would otherwise decide its figure.
	const cannedItems = CANNED_ITEMS_FACTOR * items;
	const canned: Record<string, NodeRun[]> = { ours1: [], floor1: [], ours10: [], floor10: [] };
	const cannedAnswer = { urn: 'TST0000001', prepared_form_url: `${sandbox.origin}/forms/canned` };
	await withCannedAnswers(cannedAnswer, async () => {
		const variants: Variant[] = [
			{ kind: 'ours', parallel: 1 },
			floor1,
			{ kind: 'ours', parallel: 10 },
			floor10,
		];
		for (let i = 0; i < 2; i++) for (const variant of variants) await runNode(sandbox, cannedItems, variant);
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
	const rawKeepAlive = median(pooled.keepAliveMs);
	const rawNew = median(pooled.newConnectionMs);
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
	figures.latency_speedup_50_vs_20 = round(median(sweep[20]) / median(sweep[50]));
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
		`Loopback: median of ${config.rounds} rounds, pooled from ${byProcess.length} fresh processes run one after another (${byProcess.map((answer) => answer.runs.ours1.length).join(' + ')} rounds, each process after two full-size warm-up runs of every variant), because where V8’s JIT settles differs from one process to the next; each round runs our node and the floor node A B B A (which node is A alternating by round) at 1 and at 10 in flight, and the diagnostics, in rotated order. Floor ratios = median over rounds of the ratio within a round (each node’s two runs averaged); the CPU ratios use the client process’s CPU time instead of the node’s executionTime (a diagnostic less sensitive to other processes’ load). ${LATENCY_MS} ms latency: median of ${config.latencyRounds} rounds of ${latencyItems} items, order alternating.`,
		`Floor ratios of each process alone (1 in flight; 10 in flight): ${byProcess.map((answer) => `${round(pairedRatio(answer.runs.floor1, answer.runs.ours1))}; ${round(pairedRatio(answer.runs.floor10, answer.runs.ours10))}`).join(' · ')}.`,
		'Rate = items / the node’s executionTime in the run data. Ratios are the other variant’s time / ours (above 1: ours is faster).',
		'Floor node (tools/bench/floor-node.ts): per item exactly the httpRequestWithAuthentication call our node makes (same credential type and options, credential read once per run), without parameter reads, checks or error mapping — the lowest cost n8n allows a community node.',
		`Canned answers (diagnostic, no target): the same A B B A pairs with the network taken out — the axios under n8n’s request path answers every request at once (tools/bench/canned-answers.ts), ${CANNED_ITEMS_FACTOR}× the items per run — so the CPU ratio compares the two nodes’ own work with far less noise than loopback.`,
		'Raw loops (diagnostic, no target): plain node:http POSTs replaying the exact headers and body the node sent, on one keep-alive connection or a new connection per call.',
		`What-if (diagnostic): our node with every node:http request given one shared keep-alive agent before it is built (sent with “Connection: ${whatIfCall.connectionHeader}”; the node alone sends “Connection: ${call.connectionHeader}”). TCP connections are counted by the sandbox (server side).`,
		`Latency: the sandbox’s 'slow' fault delays every API answer by ${LATENCY_MS} ms (no limit on concurrent requests).`,
		'Sandbox in its own process; client in the bench process (Node ' + process.version + ').',
	);
}
