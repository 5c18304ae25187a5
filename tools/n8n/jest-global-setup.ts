/**
 * Starts the one stack the e2e tests share. DR_E2E_PACKAGE_DIR installs another package
 * folder instead of this repo (used to prove the harness with a stand-in package).
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from './install-package';
import { startStack } from './stack';
import { describeStack, setSharedStack, STACK_ENV } from './stack-info';

export default async function globalSetup(): Promise<void> {
	const started = Date.now();
	// Artifacts (screenshots, n8n log) always describe the latest run.
	const artifacts = join(REPO_ROOT, 'e2e', 'artifacts');
	await fs.rm(artifacts, { recursive: true, force: true });
	await fs.mkdir(artifacts, { recursive: true });
	console.log('\n[e2e] starting the stack (first run on a machine installs Node 24 + n8n: ~5 min)');
	const packageDir = process.env.DR_E2E_PACKAGE_DIR || REPO_ROOT;
	const { name } = JSON.parse(await fs.readFile(join(packageDir, 'package.json'), 'utf8')) as {
		name: string;
	};
	const stack = await startStack({
		packageDir,
		webhookTimeScale: 0.001,
		echoN8n: process.env.DR_E2E_VERBOSE === '1',
	});
	setSharedStack(stack);
	process.env[STACK_ENV] = JSON.stringify(describeStack(stack, name));
	console.log(
		`[e2e] stack up in ${((Date.now() - started) / 1000).toFixed(1)} s: n8n ${stack.n8n.baseUrl}, sandbox ${stack.sandbox.baseUrl}`,
	);
}
