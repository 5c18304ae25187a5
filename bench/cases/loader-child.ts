/**
 * Loads one package folder the way n8n loads a community package, in a fresh process:
 * `node loader-child.js <dir>`. n8n-core itself is loaded first and not timed (n8n has it
 * loaded already); only PackageDirectoryLoader.loadAll() of the folder is. Prints one JSON line.
 */
import '../../tools/bench/env';

import { PackageDirectoryLoader } from 'n8n-core';

import { nowMs } from '../../tools/bench/measure';
import { childMain } from '../../tools/bench/child';

async function main(): Promise<unknown> {
	const started = nowMs();
	const loader = new PackageDirectoryLoader(process.argv[2]);
	await loader.loadAll();
	const ms = nowMs() - started;
	const answer = {
		ms,
		nodes: Object.keys(loader.nodeTypes).length,
		credentials: Object.keys(loader.credentialTypes).length,
	};
	return answer;
}

childMain(main);
