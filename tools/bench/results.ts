import type { DifferenceAnswer } from '../../bench/cases/difference-child';
import type { ProfileAnswer } from '../../bench/cases/profile-child';

/** The shape of bench/results.json: one entry per case, every figure a plain number. */
export interface Check {
	label: string;
	value: number;
	op: '>=' | '<=';
	target: number;
	met: boolean;
}

export interface CaseResult {
	id: string;
	title: string;
	status: 'ok' | 'failed' | 'skipped';
	/** How it was measured, and anything a reader must know (e.g. "harness, not real n8n"). */
	notes: string[];
	figures: Record<string, number>;
	checks: Check[];
	/** Series for the chart: memory growth (MB) against file size (MB). */
	series?: Array<{ name: string; points: Array<{ x: number; y: number }> }>;
	/**
	 * CPU profiles (case profile): this run's, the recorded one from before the change, and our
	 * node against the floor node function by function in one process.
	 */
	profiles?: {
		after: ProfileAnswer;
		before?: ProfileAnswer & { commit?: string };
		difference?: DifferenceAnswer;
	};
	error?: string;
	durationMs: number;
}

export function check(label: string, value: number, op: '>=' | '<=', target: number): Check {
	return { label, value, op, target, met: op === '>=' ? value >= target : value <= target };
}

/** A case's work, given a place to put its figures. */
export type CaseBody = (result: CaseResult) => Promise<void>;

export async function runCase(id: string, title: string, body: CaseBody): Promise<CaseResult> {
	const result: CaseResult = { id, title, status: 'ok', notes: [], figures: {}, checks: [], durationMs: 0 };
	const started = Date.now();
	console.log(`\n[bench] ${id}: ${title}`);
	try {
		await body(result);
	} catch (error) {
		result.status = 'failed';
		result.error = (error as Error).stack ?? String(error);
		console.error(`[bench] ${id} failed: ${(error as Error).message}`);
	}
	result.durationMs = Date.now() - started;
	for (const [name, value] of Object.entries(result.figures)) {
		if (!Number.isFinite(value) && result.status === 'ok') {
			result.status = 'failed';
			result.error = `figure ${name} is not a finite number (${value})`;
		}
	}
	if (result.status === 'ok' && Object.keys(result.figures).length === 0 && result.notes.length === 0) {
		result.status = 'failed';
		result.error = 'the case produced no figures';
	}
	console.log(`[bench] ${id}: ${result.status} in ${(result.durationMs / 1000).toFixed(1)} s`);
	for (const item of result.checks) {
		console.log(
			`[bench]   ${item.met ? 'met ' : 'MISS'} ${item.label}: ${round(item.value)} ${item.op} ${item.target}`,
		);
	}
	return result;
}

export function skipped(id: string, title: string, reason: string): CaseResult {
	console.log(`\n[bench] ${id}: skipped (${reason})`);
	return { id, title, status: 'skipped', notes: [reason], figures: {}, checks: [], durationMs: 0 };
}

export function round(value: number, digits = 3): number {
	return Number(value.toPrecision(digits));
}
