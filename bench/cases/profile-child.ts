/**
 * A CPU profile of the node's run in a fresh process: `node profile-child.js '<job json>'`.
 * Warm-up runs first (JIT, lazy modules), then V8's sampling profiler (node:inspector)
 * records one Prepare Form run of `items` items against the sandbox on loopback, one request
 * at a time. Prints one JSON line: self time per function (top entries) and per origin.
 */
import '../../tools/bench/env';

import { runWorkflow } from '../../tools/engine/run-workflow';
import { childMain } from '../../tools/bench/child';
import { originOf, shortWhere, startProfiler, type CpuProfile } from '../../tools/bench/cpu-profile';
import { NODE_NAME, NODE_TYPE, prepareFormParameters, sandboxCredential } from '../../tools/bench/workflows';

export interface ProfileJob {
	baseUrl: string;
	apiKey: string;
	formType: string;
	items: number;
	warmups: number;
}

export interface ProfileEntry {
	fn: string;
	where: string;
	origin: string;
	selfMs: number;
	percent: number;
}

export interface ProfileAnswer {
	items: number;
	/** Sampled time of the profiled run (idle excluded), ms. */
	busyMs: number;
	idleMs: number;
	nodeMs: number;
	/** CPU time (user + system, all threads) of the profiled run per item: not inflated by waiting for a core. */
	cpuUsPerItem?: number;
	top: ProfileEntry[];
	ours?: ProfileEntry[];
	watched?: Record<string, number>;
	origins: Array<{ origin: string; selfMs: number; percent: number; usPerItem: number }>;
}

/** n8n functions our node used to make run per item or per request (issue #13), followed by name. */
export const WATCHED = [
	'initializeGlobalContext',
	'getSimpleParameterValue',
	'resolveSimpleParameterValue',
	'deepCopy',
	'getNodeParameter',
	'getNode',
	'partsOffset',
];

export function summarise(profile: CpuProfile, items: number, topCount = 15) {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const self = new Map<string, { fn: string; where: string; origin: string; us: number }>();
	let idleUs = 0;
	let busyUs = 0;
	profile.samples.forEach((id, index) => {
		const delta = profile.timeDeltas[index] ?? 0;
		const frame = byId.get(id)?.callFrame;
		if (!frame) return;
		if (frame.functionName === '(idle)') {
			idleUs += delta;
			return;
		}
		busyUs += delta;
		const fn = frame.functionName || '(anonymous)';
		const where = shortWhere(frame.url, frame.lineNumber);
		const key = `${fn}@${where}`;
		const entry = self.get(key) ?? { fn, where, origin: originOf(frame.url, fn), us: 0 };
		entry.us += delta;
		self.set(key, entry);
	});
	const percent = (us: number) => Math.round((1000 * us) / busyUs) / 10;
	const summary = (e: { fn: string; where: string; origin: string; us: number }) => ({
		fn: e.fn,
		where: e.where,
		origin: e.origin,
		selfMs: Math.round(e.us / 100) / 10,
		percent: percent(e.us),
	});
	const top = [...self.values()]
		.sort((a, b) => b.us - a.us)
		.slice(0, topCount)
		.map(summary);
	const origins = new Map<string, number>();
	for (const e of self.values()) origins.set(e.origin, (origins.get(e.origin) ?? 0) + e.us);
	return {
		busyMs: Math.round(busyUs / 1000),
		idleMs: Math.round(idleUs / 1000),
		top,
		/** Self time of the WATCHED functions (all their call sites), µs per item. */
		watched: Object.fromEntries(
			WATCHED.map((name) => [
				name,
				Math.round([...self.values()].filter((e) => e.fn === name).reduce((sum, e) => sum + e.us, 0) / items),
			]),
		),
		/** The package's own functions, by self time. */
		ours: [...self.values()]
			.filter((e) => e.origin === 'this package')
			.sort((a, b) => b.us - a.us)
			.slice(0, 8)
			.map(summary),
		origins: [...origins.entries()]
			.sort((a, b) => b[1] - a[1])
			.map(([origin, us]) => ({
				origin,
				selfMs: Math.round(us / 100) / 10,
				percent: percent(us),
				usPerItem: Math.round(us / items),
			})),
	};
}

const job = JSON.parse(process.argv[2] ?? '{}') as ProfileJob;

async function runNode(items: number): Promise<number> {
	const run = await runWorkflow({
		items: Array.from({ length: items }, () => ({})),
		nodes: [{ name: NODE_NAME, type: NODE_TYPE, parameters: prepareFormParameters(job.formType) }],
		credentials: sandboxCredential(job.baseUrl, job.apiKey),
	});
	if (run.error) throw new Error(`the workflow failed: ${run.error.message}`);
	if (run.output(NODE_NAME).length !== items) throw new Error('wrong number of output items');
	return run.run.data.resultData.runData[NODE_NAME]?.[0]?.executionTime ?? Number.NaN;
}

if (require.main === module) {
	childMain(async (): Promise<ProfileAnswer> => {
		for (let i = 0; i < job.warmups; i++) await runNode(job.items);
		const profiler = await startProfiler(100);
		const cpu = process.cpuUsage();
		const nodeMs = await runNode(job.items);
		const used = process.cpuUsage(cpu);
		const cpuUsPerItem = Math.round((used.user + used.system) / job.items);
		const profile = await profiler.stop();
		return { items: job.items, nodeMs, cpuUsPerItem, ...summarise(profile, job.items) };
	});
}
