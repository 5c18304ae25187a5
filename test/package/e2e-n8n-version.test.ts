/**
 * `npm run test:e2e -- --n8n <version>`: the flag reaches the e2e toolchain as DR_E2E_N8N_VERSION
 * (its cache folder and lockfile are keyed on the version), and only exact, supported n8n
 * versions pass (1.123.x, 2.20 and later); older ones are refused before anything is installed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
	DEFAULT_N8N_VERSION,
	N8N_VERSION_ENV,
	needsXlsxOverride,
	n8nVersionFrom,
} from '../../tools/n8n/toolchain';

const root = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
// Plain CommonJS (it runs before any build); required as is.
const runE2e = module.require(join(root, 'tools', 'n8n', 'run-e2e.js')) as {
	parseArgs(argv: string[]): { n8nVersion?: string; jestArgs: string[] };
	ENV: string;
};

const runMatrix = module.require(join(root, 'tools', 'n8n', 'run-matrix.js')) as {
	MATRIX: string[];
	summaryTable(
		rows: Array<{
			version: string;
			status: number;
			ms: number;
			counts?: { passed: number; failed: number; skipped: number; total: number };
		}>,
	): string;
};

describe('npm run test:e2e:matrix', () => {
	it('runs the README table: the last 1.x line, 2.20.x and the default release, each accepted', () => {
		expect(runMatrix.MATRIX).toEqual(['1.123.81', '2.20.12', DEFAULT_N8N_VERSION]);
		for (const version of runMatrix.MATRIX) expect(n8nVersionFrom(version)).toBe(version);
		expect(read('package.json')).toContain(
			'"test:e2e:matrix": "npm run build && node tools/n8n/run-matrix.js"',
		);
		for (const version of runMatrix.MATRIX) expect(read('README.md')).toContain(`**${version}**`);
	});

	it('prints one row per release', () => {
		const table = runMatrix.summaryTable([
			{ version: '2.41.1', status: 0, ms: 200_400, counts: { passed: 21, failed: 0, skipped: 0, total: 21 } },
			{ version: '1.123.81', status: 1, ms: 1_000 },
		]);
		expect(table.split('\n')).toEqual([
			'| n8n | result | passed | failed | skipped | time |',
			'| --- | --- | --- | --- | --- | --- |',
			'| 2.41.1 | pass | 21 | 0 | 0 | 200 s |',
			'| 1.123.81 | FAIL (no report) | - | - | - | 1 s |',
		]);
	});
});

describe('npm run test:e2e -- --n8n <version>', () => {
	it('splits --n8n off the jest arguments, in both spellings', () => {
		expect(runE2e.parseArgs(['-c', 'e2e/jest.config.js', '--n8n', '2.40.2', '-t', 'editor'])).toEqual({
			n8nVersion: '2.40.2',
			jestArgs: ['-c', 'e2e/jest.config.js', '-t', 'editor'],
		});
		expect(runE2e.parseArgs(['--n8n=2.39.0', '-c', 'x'])).toEqual({
			n8nVersion: '2.39.0',
			jestArgs: ['-c', 'x'],
		});
		expect(runE2e.parseArgs(['-c', 'x'])).toEqual({ n8nVersion: undefined, jestArgs: ['-c', 'x'] });
		expect(() => runE2e.parseArgs(['--n8n'])).toThrow('--n8n needs a version');
		expect(() => runE2e.parseArgs(['--n8n', '-t'])).toThrow('--n8n needs a version');
		expect(runE2e.ENV).toBe(N8N_VERSION_ENV);
	});

	it('the toolchain takes an exact, supported version from the environment, 2.41.1 by default', () => {
		expect(n8nVersionFrom(undefined)).toBe(DEFAULT_N8N_VERSION);
		expect(n8nVersionFrom('')).toBe('2.41.1');
		expect(n8nVersionFrom('2.40.2')).toBe('2.40.2');
		expect(n8nVersionFrom('2.20.12')).toBe('2.20.12');
		expect(n8nVersionFrom('1.123.81')).toBe('1.123.81');
		expect(n8nVersionFrom('2.42.0-rc.1')).toBe('2.42.0-rc.1');
		for (const bad of ['latest', '^2.41.0', '2.41', '3.0.0']) {
			expect(() => n8nVersionFrom(bad)).toThrow(
				`n8n version "${bad}" is not an exact n8n 1.123.x or 2.x version`,
			);
		}
		for (const old of ['1.122.5', '1.0.0', '2.19.3', '2.0.0']) {
			expect(() => n8nVersionFrom(old)).toThrow(`n8n ${old} is not supported by the e2e suite`);
		}
	});

	it('older releases install xlsx from the registry mirror, newer ones keep their plain manifest', () => {
		expect(needsXlsxOverride('1.123.81')).toBe(true);
		expect(needsXlsxOverride('2.20.12')).toBe(true);
		expect(needsXlsxOverride('2.40.7')).toBe(false);
		expect(needsXlsxOverride('2.41.1')).toBe(false);
	});

	it('the runner hands the version to jest through the environment, and refuses a missing one', () => {
		const probe = spawnSync(
			process.execPath,
			[join(root, 'tools', 'n8n', 'run-e2e.js'), '--n8n', '2.40.2', '--version'],
			{ cwd: root, encoding: 'utf8' },
		);
		expect(probe.status).toBe(0);
		expect(probe.stdout).toContain(`[e2e] n8n 2.40.2 (${N8N_VERSION_ENV})`);
		const missing = spawnSync(process.execPath, [join(root, 'tools', 'n8n', 'run-e2e.js'), '--n8n'], {
			cwd: root,
			encoding: 'utf8',
		});
		expect(missing.status).toBe(2);
		expect(missing.stderr).toContain('--n8n needs a version');
		const old = spawnSync(process.execPath, [join(root, 'tools', 'n8n', 'run-e2e.js'), '--n8n', '1.122.0'], {
			cwd: root,
			encoding: 'utf8',
		});
		expect(old.status).toBe(2);
		expect(old.stderr).toContain('n8n 1.122.0 is not supported by the e2e suite');
	});
});
