/** Small statistics and process-memory helpers (Linux /proc). */
import { readFileSync, writeFileSync } from 'node:fs';

export function median(values: number[]): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Nearest-rank percentile, p in 0..100. */
export function percentile(values: number[], p: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function nowMs(): number {
	return Number(process.hrtime.bigint()) / 1e6;
}

export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
	const started = nowMs();
	const value = await work();
	return { value, ms: nowMs() - started };
}

function statusField(name: 'VmRSS' | 'VmHWM'): number {
	const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
	if (!match) throw new Error(`/proc/self/status has no ${name}`);
	return Number(match[1]) * 1024;
}

/** Current resident set size, bytes. */
export const rssBytes = () => statusField('VmRSS');
/** Peak resident set size since the last resetPeakRss(), bytes. */
export const peakRssBytes = () => statusField('VmHWM');

/** Resets VmHWM to the current RSS (Linux >= 4.0: write 5 to clear_refs). */
export function resetPeakRss(): void {
	writeFileSync('/proc/self/clear_refs', '5');
}

/** Runs the garbage collector when node was started with --expose-gc. */
export function collectGarbage(): void {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (gc) {
		gc();
		gc();
	}
}
