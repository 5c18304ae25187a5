/**
 * `npm run bench [-- --short]` (or BENCH_SHORT=1): every figure next to its baseline from
 * the same run. The full run writes bench/results.json, results.md and memory.svg (they are
 * committed); the short run writes them to bench/tmp/ (ignored) and exists so that CI keeps
 * every measurement working. Exits non-zero when a measurement failed, never because a
 * figure missed its target.
 */
import { USER_FOLDER } from './env';

import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { startStack, type Stack } from '../n8n/stack';
import { cacheRoot, N8N_VERSION, NODE_MAJOR } from '../n8n/toolchain';
import { memoryCase } from '../../bench/cases/memory';
import { n8nPrepareFormCase } from '../../bench/cases/n8n-prepare-form';
import { n8nAcknowledgementCase } from '../../bench/cases/n8n-acknowledgement';
import { n8nWebhookCase } from '../../bench/cases/n8n-webhook';
import { packageCase } from '../../bench/cases/package';
import { prepareFormCase } from '../../bench/cases/prepare-form';
import { profileCase } from '../../bench/cases/profile';
import { webhookHarnessCase } from '../../bench/cases/webhook-harness';
import { benchConfig, LATENCY_MS, type BenchConfig } from './config';
import { benchRun, writeReport } from './report';
import { runCase, skipped, type CaseResult } from './results';
import { startSandboxProcess } from './sandbox-process';
import { REPO_ROOT } from '../repo-root';

// SLOT for issue #12 (exactly-once notifications): the webhook acknowledgement case — our
// trigger vs n8n's Webhook node (typeVersion 1), 50 concurrent notifications, default `vm`
// expression engine — is being built in another branch; it replaces this placeholder.
const BENCH_DIR = join(REPO_ROOT, 'bench');

function toolchainInstalled(): boolean {
	const root = cacheRoot();
	return (
		existsSync(join(root, `n8n-${N8N_VERSION}`, '.complete.json')) &&
		existsSync(join(root, `node-${NODE_MAJOR}.x`, '.complete.json'))
	);
}

async function sandboxCases(config: BenchConfig): Promise<CaseResult[]> {
	const results: CaseResult[] = [];
	const sandbox = await startSandboxProcess();
	try {
		results.push(
			await runCase(
				'prepare-form',
				`Prepare Form over ${config.items} items through n8n’s engine: our node vs the floor node (loopback), and at ${LATENCY_MS} ms latency`,
				(r) => prepareFormCase(r, config, sandbox),
			),
			await runCase(
				'profile',
				`CPU profile of Prepare Form over ${config.profileItems} items (our node, loopback), before and after`,
				(r) => profileCase(r, config, sandbox),
			),
			await runCase(
				'memory',
				'Add File and Download PDF: peak RSS growth and throughput vs raw streaming',
				(r) => memoryCase(r, config, sandbox),
			),
			await runCase(
				'webhook-harness',
				`Trigger, ${config.notifications} concurrent notifications (engine harness)`,
				(r) => webhookHarnessCase(r, config, sandbox),
			),
		);
	} finally {
		await sandbox.stop();
	}
	return results;
}

async function realN8nCases(config: BenchConfig): Promise<CaseResult[]> {
	const titles = {
		form: `Prepare Form over ${config.n8nItems} items in real n8n at ${LATENCY_MS} ms latency: node vs n8n’s HTTP Request node, both at their defaults`,
		webhook: `Trigger in real n8n, ${config.notifications} concurrent notifications`,
		ack: 'Acknowledgement in real n8n: trigger vs n8n’s Webhook node v1, same load',
	};
	if (config.realN8n === 'if-installed' && !toolchainInstalled()) {
		const reason = `skipped: the e2e toolchain (Node ${NODE_MAJOR} + n8n ${N8N_VERSION}) is not installed in ${cacheRoot()}`;
		return [
			skipped('n8n-prepare-form', titles.form, reason),
			skipped('n8n-webhook', titles.webhook, reason),
			skipped('n8n-acknowledgement', titles.ack, reason),
		];
	}
	let stack: Stack | undefined;
	const results: CaseResult[] = [];
	try {
		const start = await runCase(
			'n8n-stack',
			'Start the e2e stack (sandbox + real n8n + this package)',
			async (r) => {
				stack = await startStack({ importExamples: false, log: (line) => console.log(`[e2e] ${line}`) });
				r.notes.push('startStack() from tools/n8n/stack.ts, reused as is.');
			},
		);
		if (!stack) {
			return [
				start,
				skipped('n8n-prepare-form', titles.form, 'the stack did not start'),
				skipped('n8n-webhook', titles.webhook, 'the stack did not start'),
				skipped('n8n-acknowledgement', titles.ack, 'the stack did not start'),
			];
		}
		const ready = stack;
		start.figures.start_s = Math.round(start.durationMs / 100) / 10;
		results.push(
			start,
			await runCase('n8n-prepare-form', titles.form, (r) => n8nPrepareFormCase(r, config, ready)),
			await runCase('n8n-webhook', titles.webhook, (r) => n8nWebhookCase(r, config, ready)),
			await runCase('n8n-acknowledgement', titles.ack, (r) => n8nAcknowledgementCase(r, config, ready)),
		);
	} finally {
		await stack?.stop();
	}
	return results;
}

async function main(): Promise<number> {
	const config = benchConfig(process.argv.slice(2), process.env);
	const startedAt = new Date();
	console.log(`[bench] ${config.short ? 'short' : 'full'} run, Node ${process.version}`);
	const cases: CaseResult[] = [];
	try {
		cases.push(...(await sandboxCases(config)));
		cases.push(
			await runCase('package', 'Package: packed size and load time in n8n-core’s loader', (r) =>
				packageCase(r, config),
			),
		);
		cases.push(...(await realN8nCases(config)));
	} finally {
		rmSync(USER_FOLDER, { recursive: true, force: true });
	}
	const run = benchRun(config, startedAt, cases);
	const folder = config.short ? join(BENCH_DIR, 'tmp') : BENCH_DIR;
	writeReport(run, folder);
	console.log(`\n[bench] ${run.mode} run done in ${run.durationS} s; results in ${folder}/results.{json,md}`);
	const failed = cases.filter((c) => c.status === 'failed');
	for (const c of failed) console.error(`[bench] FAILED ${c.id}: ${c.error?.split('\n')[0]}`);
	return failed.length ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		console.error(`[bench] ${error.stack ?? error.message}`);
		process.exit(1);
	},
);
