/**
 * Case 5: what gets published (npm pack --dry-run) and what loading it costs n8n: n8n-core's
 * PackageDirectoryLoader (what n8n runs for each community package at start) on this
 * package's folder vs on an empty n8n package, each in a fresh process.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { cleanEnv, runCommand } from '../../tools/n8n/exec';
import { REPO_ROOT } from '../../tools/n8n/install-package';
import type { BenchConfig } from '../../tools/bench/config';
import { runChild } from '../../tools/bench/child';
import { median } from '../../tools/bench/measure';
import { round, type CaseResult } from '../../tools/bench/results';

const CHILD = join(__dirname, 'loader-child.js');

interface Loaded {
	ms: number;
	nodes: number;
	credentials: number;
}

export async function packageCase(result: CaseResult, config: BenchConfig) {
	const { stdout } = await runCommand('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: REPO_ROOT,
		env: cleanEnv(),
		timeoutMs: 120_000,
		label: 'npm pack --dry-run',
	});
	const [packed] = JSON.parse(stdout) as Array<{ size: number; unpackedSize: number; entryCount: number }>;

	const empty = mkdtempSync(join(tmpdir(), 'dr-bench-empty-package-'));
	writeFileSync(
		join(empty, 'package.json'),
		JSON.stringify({
			name: 'n8n-nodes-empty-bench',
			version: '0.0.0',
			n8n: { n8nNodesApiVersion: 1, nodes: [], credentials: [] },
		}),
	);
	const ours: Loaded[] = [];
	const baseline: Loaded[] = [];
	try {
		for (let round = 0; round < config.loaderRounds; round++) {
			ours.push(await runChild<Loaded>(CHILD, [REPO_ROOT], { timeoutMs: 60_000 }));
			baseline.push(await runChild<Loaded>(CHILD, [empty], { timeoutMs: 60_000 }));
		}
	} finally {
		rmSync(empty, { recursive: true, force: true });
	}
	const oursMs = median(ours.map((load) => load.ms));
	const emptyMs = median(baseline.map((load) => load.ms));
	Object.assign(result.figures, {
		packed_bytes: packed.size,
		unpacked_bytes: packed.unpackedSize,
		files: packed.entryCount,
		load_ms: round(oursMs),
		empty_package_load_ms: round(emptyMs),
		load_cost_ms: round(oursMs - emptyMs),
		nodes_loaded: ours[0].nodes,
		credentials_loaded: ours[0].credentials,
	});
	result.notes.push(
		'Size: `npm pack --dry-run --json` of the repo (dist/ as built).',
		`Load: n8n-core PackageDirectoryLoader.loadAll() (what n8n 2.x runs for each installed community package at start), median of ${config.loaderRounds} fresh processes each, this package vs an empty n8n package; n8n-core is loaded before the clock starts, as it is in n8n.`,
		'Chosen over n8n start time with/without the package: n8n’s ~10 s start varies by far more than the package costs.',
	);
}
