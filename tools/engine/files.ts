import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const folder = mkdtempSync(join(tmpdir(), 'dr-files-'));

/** Writes a file of random bytes (real content, never all zeros) and returns its path and hash. */
export function randomFile(name: string, bytes: number): { path: string; sha256: string; size: number } {
	const content = randomBytes(bytes);
	const path = join(folder, name);
	writeFileSync(path, content);
	return { path, sha256: createHash('sha256').update(content).digest('hex'), size: bytes };
}

export function sha256(content: Buffer): string {
	return createHash('sha256').update(content).digest('hex');
}
