/**
 * Our node against the floor node, function by function, in one fresh process:
 * `node difference-child.js '<job json>'`. Both run alternately (A B B A by round) under one
 * V8 sampling profile, and each sample is counted for the node whose run it fell in. One
 * process, one JIT state, the same sampler: what differs is what each node makes run, which
 * separate profiles (one process each) cannot show below a few per cent.
 * Prints one JSON line: busy time per item of each node and the functions that differ most.
 */
import '../../tools/bench/env';

import { childMain } from '../../tools/bench/child';
import { originOf, shortWhere, startProfiler } from '../../tools/bench/cpu-profile';
import { runNode, recordedCall, type Variant } from '../../tools/bench/node-runs';
import { sandboxAt } from '../../tools/bench/sandbox-process';

export interface DifferenceJob {
	origin: string;
	items: number;
	rounds: number;
	parallel: number;
}

export interface DifferenceRow {
	fn: string;
	where: string;
	origin: string;
	/** Self time per item, µs, in our node's runs and in the floor node's. */
	oursUs: number;
	floorUs: number;
}

export interface DifferenceAnswer extends DifferenceJob {
	oursBusyUs: number;
	floorBusyUs: number;
	/** The functions where our node's runs spend the most more, then the most less. */
	more: DifferenceRow[];
	less: DifferenceRow[];
}

type Node = 'ours' | 'floor';

async function main(): Promise<DifferenceAnswer> {
	const job = JSON.parse(process.argv[2]) as DifferenceJob;
	const sandbox = sandboxAt(job.origin);
	await runNode(sandbox, 5, { kind: 'ours', parallel: 1 });
	const call = await recordedCall(sandbox);
	const variants: Record<Node, Variant> = {
		ours: { kind: 'ours', parallel: job.parallel },
		floor: { kind: 'floor', parallel: job.parallel, body: call.body },
	};
	for (let i = 0; i < 3; i++)
		for (const node of ['ours', 'floor'] as const) await runNode(sandbox, job.items, variants[node]);

	const profiler = await startProfiler(50);
	// Sample times count from the profile's start; this clock starts with it (within a few µs).
	const started = process.hrtime.bigint();
	const now = () => Number(process.hrtime.bigint() - started) / 1000;
	const windows: Array<{ node: Node; from: number; to: number }> = [];
	for (let round = 0; round < job.rounds; round++) {
		const order: Node[] = round % 2 ? ['floor', 'ours', 'ours', 'floor'] : ['ours', 'floor', 'floor', 'ours'];
		for (const node of order) {
			const from = now();
			await runNode(sandbox, job.items, variants[node]);
			windows.push({ node, from, to: now() });
		}
		await sandbox.clearRequests();
	}
	const profile = await profiler.stop();

	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const self = new Map<string, DifferenceRow>();
	const busy = { ours: 0, floor: 0 };
	let time = 0;
	profile.samples.forEach((id, index) => {
		time += profile.timeDeltas[index] ?? 0;
		const window = windows.find((w) => time >= w.from && time < w.to);
		const frame = byId.get(id)?.callFrame;
		if (!window || !frame || frame.functionName === '(idle)') return;
		// A sample stands for the time until the next one.
		const us = profile.timeDeltas[index + 1] ?? 0;
		const fn = frame.functionName || '(anonymous)';
		const where = shortWhere(frame.url, frame.lineNumber);
		const key = `${fn}@${where}`;
		const row = self.get(key) ?? { fn, where, origin: originOf(frame.url, fn), oursUs: 0, floorUs: 0 };
		if (window.node === 'ours') row.oursUs += us;
		else row.floorUs += us;
		self.set(key, row);
		busy[window.node] += us;
	});
	const runs = 2 * job.rounds * job.items;
	const perItem = (us: number) => Math.round((10 * us) / runs) / 10;
	const rows = [...self.values()]
		.map((row) => ({ ...row, oursUs: perItem(row.oursUs), floorUs: perItem(row.floorUs) }))
		.sort((a, b) => b.oursUs - b.floorUs - (a.oursUs - a.floorUs));
	return {
		...job,
		oursBusyUs: perItem(busy.ours),
		floorBusyUs: perItem(busy.floor),
		more: rows.slice(0, 12),
		less: rows.slice(-6).reverse(),
	};
}

childMain(main);
