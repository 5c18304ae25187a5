import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The nearest folder above `start` with a package.json (the same from tools/ and dist-tools/tools/). */
function findRepoRoot(start: string): string {
	for (let dir = start; ; dir = dirname(dir)) {
		if (existsSync(join(dir, 'package.json'))) return dir;
		if (dirname(dir) === dir) return resolve(start, '..');
	}
}

/** The repository's root folder. */
export const REPO_ROOT = findRepoRoot(__dirname);
