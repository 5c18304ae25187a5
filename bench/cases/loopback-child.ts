/**
 * Loopback rounds of the prepare-form case in a fresh process: `node loopback-child.js '<job json>'`.
 * The parent runs several of these and pools their rounds, because where V8's JIT lands in
 * one process moved the floor ratios by several per cent from one process to the next.
 * Prints one JSON line: every round's runs.
 */
import '../../tools/bench/env';

import { childMain } from '../../tools/bench/child';
import { timed } from '../../tools/bench/measure';
import {
	runNode,
	runPair,
	runWithSharedKeepAlive,
	type NodeRun,
	type Variant,
} from '../../tools/bench/node-runs';
import { formLoop } from '../../tools/bench/raw-http';
import { sandboxAt } from '../../tools/bench/sandbox-process';

export interface LoopbackJob {
	origin: string;
	items: number;
	rounds: number;
	/** The pooled index of this child's first round: which node goes first and the step order follow it. */
	firstRound: number;
	/** The exact call our node made, which the floor node and the raw loops replay. */
	call: { headers: Record<string, string>; body: string };
}

export interface LoopbackAnswer {
	runs: Record<'ours1' | 'floor1' | 'ours10' | 'floor10' | 'whatIf', NodeRun[]>;
	keepAliveMs: number[];
	newConnectionMs: number[];
}

async function main(): Promise<LoopbackAnswer> {
	const job = JSON.parse(process.argv[2]) as LoopbackJob;
	const sandbox = sandboxAt(job.origin);
	const { items } = job;
	const url = `${sandbox.baseUrl}prepare_form`;
	const body = Buffer.from(job.call.body);
	const floor1: Variant = { kind: 'floor', parallel: 1, body: job.call.body };
	const floor10: Variant = { kind: 'floor', parallel: 10, body: job.call.body };
	// V8 keeps optimising for several full runs: warm every variant up at full size, twice.
	for (let i = 0; i < 2; i++) {
		await runNode(sandbox, items, { kind: 'ours', parallel: 1 });
		await runNode(sandbox, items, floor1);
		await runNode(sandbox, items, { kind: 'ours', parallel: 10 });
		await runNode(sandbox, items, floor10);
		await runWithSharedKeepAlive(() => runNode(sandbox, items, { kind: 'ours', parallel: 1 }));
		await formLoop(url, job.call.headers, body, items, true);
		await formLoop(url, job.call.headers, body, items, false);
		await sandbox.clearRequests();
	}

	// Each node variant twice per round (A B B A), the diagnostics once; steps rotate by round.
	const answer: LoopbackAnswer = {
		runs: { ours1: [], floor1: [], ours10: [], floor10: [], whatIf: [] },
		keepAliveMs: [],
		newConnectionMs: [],
	};
	const { runs } = answer;
	for (let r = job.firstRound; r < job.firstRound + job.rounds; r++) {
		await sandbox.clearRequests();
		const steps = [
			() => runPair(sandbox, items, floor1, r, runs),
			() => runPair(sandbox, items, floor10, r, runs),
			async () =>
				answer.keepAliveMs.push((await timed(() => formLoop(url, job.call.headers, body, items, true))).ms),
			async () =>
				answer.newConnectionMs.push(
					(await timed(() => formLoop(url, job.call.headers, body, items, false))).ms,
				),
			async () =>
				runs.whatIf.push(
					await runWithSharedKeepAlive(() => runNode(sandbox, items, { kind: 'ours', parallel: 1 })),
				),
		];
		for (let i = 0; i < steps.length; i++) await steps[(i + r) % steps.length]();
	}
	return answer;
}

childMain(main);
