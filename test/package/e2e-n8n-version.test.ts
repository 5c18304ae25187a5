/**
 * `npm run test:e2e -- --n8n <version>`: the flag reaches the e2e toolchain as DR_E2E_N8N_VERSION
 * (its cache folder and lockfile are keyed on the version), and only exact n8n 2.x versions pass.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { DEFAULT_N8N_VERSION, N8N_VERSION_ENV, n8nVersionFrom } from '../../e2e/toolchain';

const root = join(__dirname, '..', '..');
// Plain CommonJS (it runs before any build); required as is.
const runE2e = module.require(join(root, 'e2e', 'run-e2e.js')) as {
	parseArgs(argv: string[]): { n8nVersion?: string; jestArgs: string[] };
	ENV: string;
};

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

	it('the toolchain takes an exact 2.x version from the environment, 2.41.1 by default', () => {
		expect(n8nVersionFrom(undefined)).toBe(DEFAULT_N8N_VERSION);
		expect(n8nVersionFrom('')).toBe('2.41.1');
		expect(n8nVersionFrom('2.40.2')).toBe('2.40.2');
		expect(n8nVersionFrom('2.42.0-rc.1')).toBe('2.42.0-rc.1');
		for (const bad of ['latest', '^2.41.0', '1.123.4', '2.41', '3.0.0']) {
			expect(() => n8nVersionFrom(bad)).toThrow(`n8n version "${bad}" is not an exact n8n 2.x version`);
		}
	});

	it('the runner hands the version to jest through the environment, and refuses a missing one', () => {
		const probe = spawnSync(
			process.execPath,
			[join(root, 'e2e', 'run-e2e.js'), '--n8n', '2.40.2', '--version'],
			{ cwd: root, encoding: 'utf8' },
		);
		expect(probe.status).toBe(0);
		expect(probe.stdout).toContain(`[e2e] n8n 2.40.2 (${N8N_VERSION_ENV})`);
		const missing = spawnSync(process.execPath, [join(root, 'e2e', 'run-e2e.js'), '--n8n'], {
			cwd: root,
			encoding: 'utf8',
		});
		expect(missing.status).toBe(2);
		expect(missing.stderr).toContain('--n8n needs a version');
	});
});
