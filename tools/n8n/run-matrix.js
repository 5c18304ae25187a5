#!/usr/bin/env node
// `npm run test:e2e:matrix [-- <version> …]`: the real-n8n suite (e2e/jest.config.js) on each
// n8n release in turn — by default the README's compatibility table: 1.123.81 (the last 1.x
// line), 2.20.12 and 2.41.1 (the default, what CI runs) — then one summary table. Each release
// is installed into the toolchain cache on first use (~5 min each). Exits 1 if any run failed.
'use strict';

const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const MATRIX = ['1.123.81', '2.20.12', '2.41.1'];

/** Passed, failed and skipped tests of one jest --json report (undefined if there is none). */
function countsOf(reportFile) {
	let report;
	try {
		report = JSON.parse(readFileSync(reportFile, 'utf8'));
	} catch {
		return undefined;
	}
	return {
		passed: report.numPassedTests,
		failed: report.numFailedTests,
		skipped: report.numPendingTests + report.numTodoTests,
		total: report.numTotalTests,
	};
}

/** The summary as a Markdown-style table, one row per release. */
function summaryTable(rows) {
	const lines = [
		'| n8n | result | passed | failed | skipped | time |',
		'| --- | --- | --- | --- | --- | --- |',
	];
	for (const row of rows) {
		const c = row.counts;
		const result = row.status === 0 ? 'pass' : c ? 'FAIL' : 'FAIL (no report)';
		lines.push(
			`| ${row.version} | ${result} | ${c ? c.passed : '-'} | ${c ? c.failed : '-'} | ${c ? c.skipped : '-'} | ${Math.round(row.ms / 1000)} s |`,
		);
	}
	return lines.join('\n');
}

function main() {
	const versions = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
	const matrix = versions.length > 0 ? versions : MATRIX;
	const work = mkdtempSync(join(tmpdir(), 'dr-e2e-matrix-'));
	const rows = [];
	try {
		for (const version of matrix) {
			console.log(`\n[e2e matrix] ===== n8n ${version} =====`);
			const reportFile = join(work, `${version}.json`);
			const started = Date.now();
			const result = spawnSync(
				process.execPath,
				[
					join(__dirname, 'run-e2e.js'),
					'-c',
					join(__dirname, '..', '..', 'e2e', 'jest.config.js'),
					'--n8n',
					version,
					'--json',
					`--outputFile=${reportFile}`,
				],
				{ stdio: 'inherit' },
			);
			rows.push({
				version,
				status: result.status ?? 1,
				counts: countsOf(reportFile),
				ms: Date.now() - started,
			});
		}
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
	console.log(`\n[e2e matrix] summary\n${summaryTable(rows)}`);
	process.exit(rows.every((row) => row.status === 0) ? 0 : 1);
}

module.exports = { MATRIX, summaryTable, countsOf };

if (require.main === module) main();
