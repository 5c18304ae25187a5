/** Writes results.json, results.md and the memory chart (SVG) of one bench run. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

import type { DifferenceAnswer, DifferenceRow } from '../../bench/cases/difference-child';
import type { BenchConfig } from './config';
import type { CaseResult } from './results';
import { REPO_ROOT } from '../repo-root';
import { memoryChart } from './svg';

export interface BenchRun {
	mode: 'full' | 'short';
	startedAt: string;
	durationS: number;
	machine: { node: string; cpus: number; cpuModel: string; memoryGb: number; loadAverageAtEnd?: number[] };
	/** Anything about the conditions of the run a reader must know (e.g. other jobs on the machine). */
	conditions?: string;
	cases: CaseResult[];
}

export function benchRun(config: BenchConfig, startedAt: Date, cases: CaseResult[]): BenchRun {
	return {
		mode: config.short ? 'short' : 'full',
		startedAt: startedAt.toISOString(),
		durationS: Math.round((Date.now() - startedAt.getTime()) / 1000),
		machine: {
			node: process.version,
			cpus: cpus().length,
			cpuModel: cpus()[0]?.model ?? 'unknown',
			memoryGb: Math.round(totalmem() / 1024 ** 3),
			loadAverageAtEnd: loadavg().map((value) => Math.round(value * 10) / 10),
		},
		cases,
	};
}

function figure(run: BenchRun, caseId: string, name: string): number | undefined {
	return run.cases.find((c) => c.id === caseId)?.figures[name];
}

/** Where Prepare Form's time goes, from this run's own figures. */
function diagnosis(run: BenchRun): string[] {
	const prepare = run.cases.find((c) => c.id === 'prepare-form');
	if (!prepare || prepare.status !== 'ok') return [];
	const f = (name: string) => prepare.figures[name] ?? Number.NaN;
	const ms = (value: number) => `${value.toFixed(2)} ms`;
	const ours = f('ours_1_ms_per_item');
	const floor = f('floor_1_ms_per_item');
	const whatIf = f('whatif_shared_keepalive_ms_per_item');
	const sweep = [1, 5, 10, 20, 50].map((p) => `${p}: ${ms(f(`latency_ours_${p}_ms_per_item`))}`).join(', ');
	return [
		'## Where Prepare Form’s time goes',
		'',
		`Per item on loopback, one request at a time: our node ${ms(ours)}, the floor node (the same ` +
			`\`httpRequestWithAuthentication\` call and nothing else) ${ms(floor)}, raw keep-alive loop ` +
			`${ms(f('raw_keepalive_ms_per_item'))}, raw loop with a new connection per call ${ms(f('raw_new_connection_ms_per_item'))}, ` +
			`our node with one shared keep-alive agent (what-if) ${ms(whatIf)}.`,
		'',
		`- **Our own cost is what the floor ratios measure** (${f('ratio_ours_vs_floor_1_in_flight')} at 1 in flight, ` +
			`${f('ratio_ours_vs_floor_10_in_flight')} at 10; above 1 = no slower than the floor within this machine’s noise). ` +
			'What was ours per request is gone (see the profile below): the credential’s header is built by a function, not an ' +
			'expression n8n evaluated for every request; `getNode()` is copied once per run; parameters without expressions ' +
			'are read once per run; the timeout once per item; the request options are one object literal. Everything else is n8n’s request path, which any community node pays: ' +
			'the floor node itself reaches only ' +
			`${f('ratio_floor_1_vs_raw_keepalive')}× the raw keep-alive loop. On loopback (an answer in well under a millisecond) ` +
			'these ratios measure CPU per call, so the raw loops are diagnostics without a target.',
		`- **What the floor gap was, and how it closed.** Until 2 December 2026 our node reached only 0.86–0.87× the floor. ` +
			'Each round runs the pair A B B A (which node goes first alternating by round), because the load of a shared ' +
			'machine drifts within seconds; even so, loopback pairs vary by ±5–10 %, and so does one process against the next: ' +
			'where V8’s JIT settles in a process moved that process’s ratio by several per cent either way, with the same code. ' +
			'So the loopback rounds are pooled from several fresh processes (the per-process ratios are in the case’s notes). Taking the network out (canned answers: the axios ' +
			'under n8n answers at once) left a steady ≈ 0.1 ms of CPU per item, and CPU profiles of both nodes placed it not in our functions but ' +
			'in the code both nodes share: n8n’s request path and axios (`convertN8nRequestToAxios`, `mergeConfig`, ' +
			'`httpRequestWithAuthentication`) took about twice as long per call for ours. The one difference in what reached ' +
			'them: our transport handed n8n a spread copy of the request options (`{ ...options, timeout, … }`) where the ' +
			'floor hands an object literal (V8 gives the copy another hidden class, with half its properties stored outside ' +
			'the object). The transport now builds the options as one object literal (`nodes/shared/transport/request.ts`). ' +
			`What remains shows with canned answers this run (CPU per item, same A B B A pairs): ours ` +
			`${f('canned_ours_1_cpu_us_per_item')} µs, floor ${f('canned_floor_1_cpu_us_per_item')} µs (ratios ` +
			`${f('canned_ratio_ours_vs_floor_1_in_flight')} at 1 in flight, ${f('canned_ratio_ours_vs_floor_10_in_flight')} at 10). ` +
			'That difference is our own work — every item read and checked before any request is sent, the answer’s ' +
			'documented shape checked, the execution hint — and its garbage; a few per cent of a loopback call. On loopback the ' +
			`CPU ratios are ${f('cpu_ratio_ours_vs_floor_1_in_flight')} and ${f('cpu_ratio_ours_vs_floor_10_in_flight')} ` +
			`(bench process, per item: ours ${ms(f('ours_1_cpu_ms_per_item'))}, floor ${ms(f('floor_1_cpu_ms_per_item'))}).`,
		`- **Connection reuse is worth ≈ ${ms(ours - whatIf)} per item here.** n8n builds a new non-keep-alive \`http.Agent\` for ` +
			'every request (`@n8n/backend-network` `buildNodeAgents`), so node:http sends `Connection: close` and opens one TCP ' +
			`connection per call (counted by the sandbox: ${f('ours_tcp_connections_per_call')} per call). The what-if hands ` +
			'node:http one shared keep-alive agent before the request is built; the sandbox then counts ' +
			`${f('whatif_tcp_connections_per_call')} connections per call. Not possible from node code: ` +
			'`httpRequestWithAuthentication` takes agent options, not an agent.',
		'- **Correction of the previous results.md:** its what-if (“≈ -0.44 ms from no connection reuse”) patched ' +
			'`http.Agent.prototype.addRequest`, i.e. after node:http had built each request on n8n’s non-keep-alive agent: ' +
			'the requests still carried `Connection: close` and still opened one connection each. It measured the patch, not ' +
			'connection reuse, and its figure is withdrawn.',
		`- **Against a real API the network dominates.** At ${f('latency_ms')} ms per answer, ms per item by requests in ` +
			`flight — ${sweep}. One at a time is ${f('latency_speedup_10_vs_1')}× slower than ten at a time; twenty buys ` +
			`${f('latency_speedup_20_vs_10')}× over ten, fifty ${f('latency_speedup_50_vs_20')}× over twenty. Hence Parallel ` +
			'Requests’ default and maximum (see the README).',
		'',
	];
}

function profileTable(label: string, answer: NonNullable<CaseResult['profiles']>['after']): string[] {
	return [
		`**${label}** — ${answer.items} items, sampled busy ${answer.busyMs} ms (${Math.round((answer.busyMs * 1000) / answer.items)} µs per item), CPU time ${answer.cpuUsPerItem ?? '?'} µs per item, node executionTime ${answer.nodeMs} ms.`,
		'',
		'| self time by origin | µs per item | share |',
		'|---|---|---|',
		...answer.origins.slice(0, 10).map((o) => `| ${o.origin} | ${o.usPerItem} | ${o.percent} % |`),
		'',
		'| top self-time functions | where | origin | ms | share |',
		'|---|---|---|---|---|',
		...answer.top
			.slice(0, 12)
			.map((t) => `| \`${t.fn}\` | ${t.where || '—'} | ${t.origin} | ${t.selfMs} | ${t.percent} % |`),
		'',
		...(answer.ours?.length
			? [
					'| this package’s own functions | where | ms | share |',
					'|---|---|---|---|',
					...answer.ours.map((t) => `| \`${t.fn}\` | ${t.where} | ${t.selfMs} | ${t.percent} % |`),
					'',
				]
			: []),
	];
}

/** The CPU profile of the node's run, before and after issue #13's changes. */
function profileSection(run: BenchRun): string[] {
	const profiles = run.cases.find((c) => c.id === 'profile')?.profiles;
	if (!profiles) return [];
	const before = profiles.before;
	const watched = profiles.after.watched ?? {};
	const watchedRows = Object.keys(watched).map(
		(name) => `| \`${name}\` | ${before?.watched?.[name] ?? '—'} | ${watched[name]} |`,
	);
	return [
		'## CPU profile of the node’s run (Prepare Form, loopback, one at a time)',
		'',
		'V8’s sampler counts wall-clock time of the main thread: on a machine whose load average is far above its ' +
			'core count, time the process spends descheduled is charged to whatever function was running, so absolute ' +
			'µs inflate with the load and differ between runs. Compare shares, and the functions that vanished: ',
		'',
		'| n8n function our node used to run per item or request | before, µs per item | after, µs per item |',
		'|---|---|---|',
		...watchedRows,
		'',
		...(before
			? profileTable(`Before (commit ${before.commit ?? '?'}, bench/profile-before.json)`, before)
			: []),
		...profileTable('After (this run)', profiles.after),
		...differenceTable(profiles.difference),
	];
}

/** Our node against the floor node, function by function, sampled in one process. */
function differenceTable(difference: DifferenceAnswer | undefined): string[] {
	if (!difference) return [];
	const row = (r: DifferenceRow) =>
		`| \`${r.fn}\` | ${r.where || '—'} | ${r.origin} | ${r.oursUs} | ${r.floorUs} | ${Math.round(10 * (r.oursUs - r.floorUs)) / 10} |`;
	const head = [
		'| function | where | origin | ours, µs per item | floor, µs per item | difference |',
		'|---|---|---|---|---|---|',
	];
	return [
		'**Ours against the floor node, function by function** — one fresh process, both nodes over ' +
			`${difference.items} items, ${difference.parallel} in flight, alternating A B B A for ${difference.rounds} rounds under one ` +
			`50 µs sampling profile, each sample counted for the node whose run it fell in: busy ${difference.oursBusyUs} µs per item ` +
			`for ours, ${difference.floorBusyUs} for the floor. Same process, same JIT state, same sampler, so a difference of a ` +
			'few µs per item shows here where whole runs cannot resolve it; sampling still moves single rows by about a µs.',
		'',
		'Where ours spends more:',
		'',
		...head,
		...difference.more.map(row),
		'',
		'Where ours spends less (the floor’s own loop and its JSON.parse are in its `worker`):',
		'',
		...head,
		...difference.less.map(row),
		'',
	];
}

/** What the memory case's misses mean, from this run's figures. */
function memoryDiagnosis(run: BenchRun): string[] {
	const memory = run.cases.find((c) => c.id === 'memory');
	const missed = memory?.checks.filter((k) => !k.met) ?? [];
	if (!memory || missed.length === 0) return [];
	const lines = ['## Memory and upload misses', ''];
	if (missed.some((k) => k.label.includes('flat'))) {
		lines.push(
			'- **Growth is bounded, but not flat by the slope criterion.** No case came near buffering a file (that would be ' +
				'hundreds of MB); the raw node:http baselines grow ~32 MB at every size in the same fresh-process setup (V8 growing ' +
				'its young generation while chunks stream through). The node’s growth rises towards that plateau with size rather ' +
				'than in proportion to it. Read the slope against the raw series in the chart before treating it as a leak.',
		);
	}
	if (missed.some((k) => k.label.includes('throughput'))) {
		lines.push(
			'- **Add File upload throughput below 0.8× raw for the large files: not diagnosed in this session.** First suspect ' +
				'the bench: the file is written into n8n’s binary store just before the measured upload, so its dirty pages are ' +
				'still being flushed to disk while it is read (the raw upload reads a file written earlier); add a `sync` after ' +
				'storing it and measure again. If the gap remains, profile the node’s path: binary-store read stream (256 KiB ' +
				'chunks) → async generator → `Readable.from` → axios’ http adapter.',
		);
	}
	return [...lines, ''];
}

/** A slow acknowledgement in real n8n means API retries; flag it. */
function webhookDiagnosis(run: BenchRun): string[] {
	const p50 = figure(run, 'n8n-webhook', 'ack_p50_ms');
	if (p50 === undefined || p50 < 10_000) return [];
	const harness = figure(run, 'webhook-harness', 'ack_p50_ms');
	const lost = figure(run, 'n8n-webhook', 'lost') ?? 0;
	return [
		'## Slow acknowledgements in real n8n',
		'',
		`${lost ? `${lost} lost (not answered 200 or no execution; the trigger is issue #12’s subject)` : 'None lost'}, but n8n answered the ${figure(run, 'n8n-webhook', 'notifications')} simultaneous notifications after ` +
			`${(p50 / 1000).toFixed(1)} s (p50) / ${((figure(run, 'n8n-webhook', 'ack_p99_ms') ?? 0) / 1000).toFixed(1)} s (p99), ` +
			`against ${harness} ms (p50) through the engine harness. The trigger answers “onReceived”, yet an API that gives up ` +
			'after ~10 s per attempt (the sandbox’s default) would count these as failures and retry (1 h, 4 h, 1 day), relying on ' +
			'Skip Duplicates. **Not diagnosed in this session.** Suspects, to split with a rerun: n8n queuing each webhook ' +
			'execution’s start behind SQLite writes (one writer), a static-data save per call (Skip Duplicates updates the node’s ' +
			'static data on every notification: rerun with it off), and the shared machine’s load during the run.',
		'',
	];
}

function checksTable(run: BenchRun): string[] {
	const lines = ['| case | measurement | value | target | met |', '|---|---|---|---|---|'];
	for (const c of run.cases) {
		if (c.status !== 'ok') {
			lines.push(`| ${c.id} | ${c.status}${c.error ? `: ${c.error.split('\n')[0]}` : ''} | | | |`);
			continue;
		}
		for (const k of c.checks) {
			lines.push(`| ${c.id} | ${k.label} | ${k.value} | ${k.op} ${k.target} | ${k.met ? 'yes' : '**no**'} |`);
		}
	}
	return lines;
}

function caseSection(c: CaseResult): string[] {
	const figures = Object.entries(c.figures)
		.map(([name, value]) => `\`${name}\` ${value}`)
		.join(' · ');
	return [
		`### ${c.id}: ${c.title}`,
		'',
		`${c.status}${c.durationMs ? ` in ${(c.durationMs / 1000).toFixed(0)} s` : ''}. ${figures}`,
		'',
		...c.notes.map((note) => `- ${note}`),
		'',
	];
}

export function writeReport(run: BenchRun, folder: string): void {
	mkdirSync(folder, { recursive: true });
	writeFileSync(join(folder, 'results.json'), `${JSON.stringify(run, null, '\t')}\n`);
	const memory = run.cases.find((c) => c.id === 'memory');
	const chart = memory?.series?.length ? 'memory.svg' : undefined;
	if (chart && memory?.series) writeFileSync(join(folder, chart), memoryChart(memory.series, 64));
	const md = [
		'# Benchmarks',
		'',
		`${run.mode} run of \`npm run bench${run.mode === 'short' ? ' -- --short' : ''}\`, ${run.startedAt}: ` +
			`**${Math.floor(run.durationS / 60)} min ${run.durationS % 60} s** on ${run.machine.cpus} × ${run.machine.cpuModel}, ` +
			`${run.machine.memoryGb} GB, bench on Node ${run.machine.node}. Every figure is compared with a baseline measured in the same run; ` +
			'all traffic on 127.0.0.1 against the local sandbox (with its latency fault where a case says so). Raw numbers: `results.json`.',
		'',
		...(run.machine.loadAverageAtEnd
			? [`Load average at the end of the run (1/5/15 min): ${run.machine.loadAverageAtEnd.join(' / ')}.`, '']
			: []),
		...(run.conditions ? [`**Conditions:** ${run.conditions}`, ''] : []),
		...checksTable(run),
		'',
		...(chart ? [`![Peak RSS growth against file size](${chart})`, ''] : []),
		...diagnosis(run),
		...profileSection(run),
		...memoryDiagnosis(run),
		...webhookDiagnosis(run),
		'## Cases',
		'',
		...run.cases.flatMap(caseSection),
	];
	writeFileSync(join(folder, 'results.md'), `${md.join('\n')}\n`);
}

/** `node dist-tools/tools/bench/report.js [folder]` re-renders results.md and the chart from a results.json. */
if (require.main === module) {
	const folder = process.argv[2] ?? join(REPO_ROOT, 'bench');
	writeReport(JSON.parse(readFileSync(join(folder, 'results.json'), 'utf8')) as BenchRun, folder);
}
