/**
 * Loads one package folder the way n8n loads a community package, in a fresh process:
 * `node loader-child.js <dir>`. n8n-core itself is loaded first and not timed (n8n has it
 * loaded already); only PackageDirectoryLoader.loadAll() of the folder is. Prints one JSON line.
 */
import '../env';

import { PackageDirectoryLoader } from 'n8n-core';

import { nowMs } from '../measure';

async function main(): Promise<void> {
	const started = nowMs();
	const loader = new PackageDirectoryLoader(process.argv[2]);
	await loader.loadAll();
	const ms = nowMs() - started;
	const answer = {
		ms,
		nodes: Object.keys(loader.nodeTypes).length,
		credentials: Object.keys(loader.credentialTypes).length,
	};
	process.stdout.write(`${JSON.stringify(answer)}\n`);
}

main().then(
	() => process.exit(0),
	(error: Error) => {
		process.stderr.write(`${error.stack ?? error.message}\n`);
		process.exit(1);
	},
);
