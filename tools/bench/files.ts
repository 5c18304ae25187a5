/** Temporary files of random bytes (never all zeros), written in chunks so a 500 MB file never sits in memory. */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHUNK = 4 * 1024 * 1024;

export interface TempFolder {
	path: string;
	randomFile(name: string, bytes: number): string;
	removeFile(file: string): void;
	remove(): void;
}

export function tempFolder(prefix: string): TempFolder {
	const path = mkdtempSync(join(tmpdir(), prefix));
	return {
		path,
		randomFile(name, bytes) {
			const file = join(path, name);
			const fd = openSync(file, 'w');
			try {
				for (let written = 0; written < bytes; written += CHUNK) {
					writeSync(fd, randomBytes(Math.min(CHUNK, bytes - written)));
				}
			} finally {
				closeSync(fd);
			}
			return file;
		},
		removeFile(file) {
			rmSync(file, { force: true });
		},
		remove() {
			rmSync(path, { recursive: true, force: true });
		},
	};
}
