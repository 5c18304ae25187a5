/** Stops the shared stack (n8n process group, sandbox, temp user folder). */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from './install-package';
import { setSharedStack, sharedStack } from './stack-info';

export default async function globalTeardown(): Promise<void> {
	const stack = sharedStack();
	if (!stack) return;
	setSharedStack(undefined);
	// Keep n8n's log for CI's artifacts before the user folder goes.
	const artifacts = join(REPO_ROOT, 'e2e', 'artifacts');
	await fs.mkdir(artifacts, { recursive: true });
	await fs.writeFile(join(artifacts, 'n8n.log'), stack.n8n.output()).catch(() => undefined);
	const started = Date.now();
	await stack.stop();
	console.log(`[e2e] stack stopped in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
