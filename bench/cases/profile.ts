/**
 * Case: a CPU profile of Prepare Form over N items (one request at a time, loopback) in a
 * fresh process, next to the profile recorded from the code before issue #13's changes
 * (bench/profile-before.json, same child, same settings).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { runChild } from '../../tools/bench/child';
import type { BenchConfig } from '../../tools/bench/config';
import { round, type CaseResult } from '../../tools/bench/results';
import type { SandboxProcess } from '../../tools/bench/sandbox-process';
import type { DifferenceAnswer, DifferenceJob } from './difference-child';
import type { ProfileAnswer, ProfileJob } from './profile-child';

const CHILD = join(__dirname, 'profile-child.js');
const DIFFERENCE_CHILD = join(__dirname, 'difference-child.js');
export const PROFILE_BEFORE = join(__dirname, '..', '..', '..', 'bench', 'profile-before.json');

export type RecordedProfile = ProfileAnswer & { commit?: string; note?: string };

function perItem(answer: ProfileAnswer, origin: string): number {
	return answer.origins.find((o) => o.origin === origin)?.usPerItem ?? 0;
}

export async function profileCase(result: CaseResult, config: BenchConfig, sandbox: SandboxProcess) {
	await sandbox.setLatency(0);
	const job: ProfileJob = {
		baseUrl: sandbox.baseUrl,
		apiKey: sandbox.apiKey,
		formType: sandbox.formType,
		items: config.profileItems,
		warmups: 2,
	};
	const after = await runChild<ProfileAnswer>(CHILD, [JSON.stringify(job)], { timeoutMs: 10 * 60_000 });
	await sandbox.clearRequests();
	const before = existsSync(PROFILE_BEFORE)
		? (JSON.parse(readFileSync(PROFILE_BEFORE, 'utf8')) as RecordedProfile)
		: undefined;
	// Ours against the floor node in one process, function by function (diagnostic).
	const differenceJob: DifferenceJob = {
		origin: sandbox.origin,
		items: config.profileItems,
		rounds: config.short ? 1 : 5,
		parallel: 1,
	};
	const difference = await runChild<DifferenceAnswer>(DIFFERENCE_CHILD, [JSON.stringify(differenceJob)], {
		timeoutMs: 10 * 60_000,
	});
	await sandbox.clearRequests();
	result.profiles = { after, difference, ...(before ? { before } : {}) };
	const busy = (answer: ProfileAnswer) => (answer.busyMs * 1000) / answer.items;
	Object.assign(result.figures, {
		items: after.items,
		busy_us_per_item: Math.round(busy(after)),
		cpu_us_per_item: after.cpuUsPerItem ?? Number.NaN,
		package_us_per_item: perItem(after, 'this package'),
		n8n_workflow_us_per_item: perItem(after, 'n8n-workflow'),
		luxon_us_per_item: perItem(after, 'luxon'),
		difference_ours_busy_us_per_item: difference.oursBusyUs,
		difference_floor_busy_us_per_item: difference.floorBusyUs,
	});
	if (before) {
		Object.assign(result.figures, {
			before_busy_us_per_item: Math.round(busy(before)),
			before_cpu_us_per_item: before.cpuUsPerItem ?? Number.NaN,
			before_package_us_per_item: perItem(before, 'this package'),
			before_n8n_workflow_us_per_item: perItem(before, 'n8n-workflow'),
			before_luxon_us_per_item: perItem(before, 'luxon'),
			ratio_busy_after_vs_before: round(busy(after) / busy(before)),
		});
	}
	result.notes.push(
		`V8 sampling profiler (node:inspector, 100 µs interval) around one run of ${config.profileItems} items after 2 warm-up runs, in a fresh process; the sandbox answers at once (loopback), one request at a time.`,
		'Self time per function; “busy” = all samples except idle. Origin = the package a function’s file belongs to ((native) = V8/libuv built-ins such as connect and writev).',
		before
			? `Before: bench/profile-before.json, recorded with the same child from commit ${before.commit ?? '?'} (before this issue’s changes). Absolute times differ with the machine’s load; compare shares and per-item costs by origin.`
			: 'No bench/profile-before.json: only the current profile.',
	);
}
