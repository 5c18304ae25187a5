import { sleep } from 'n8n-workflow';

/**
 * Exactly-once handling of files-ready notifications inside one n8n process.
 *
 * The API retries a notification on any non-200 (1 h, 4 h, 1 day) and may deliver the same
 * one several times at once. A read-then-write check on stored state races with itself, so
 * the claim is taken here, synchronously: the first delivery of a key runs the work, and the
 * others arriving meanwhile wait for its outcome instead of running it again. A key whose
 * work succeeded is remembered (bounded, for longer than the API's whole retry schedule);
 * the trigger also keeps it in its static data so that it survives a restart.
 */

/** What a delivery ends in: accepted (200) or refused with a status the API retries on. */
export type Outcome = { ok: true } | { ok: false; status: number; message: string };

/** Just over the API's retry schedule (1 h + 4 h + 1 day), with a margin. */
export const REMEMBER_MS = 48 * 3_600_000;
const MAX_REMEMBERED = 10_000;

const inFlight = new Map<string, Promise<Outcome>>();
const delivered = new Map<string, number>();

function forgetOld(now: number): void {
	for (const [key, at] of delivered) {
		if (delivered.size <= MAX_REMEMBERED && now - at < REMEMBER_MS) break;
		delivered.delete(key);
	}
}

export function wasDelivered(key: string): boolean {
	const at = delivered.get(key);
	return at !== undefined && Date.now() - at < REMEMBER_MS;
}

/** Keys delivered in this process that start with `prefix`, with when (ms since epoch). */
export function deliveredWithPrefix(prefix: string): Array<[string, number]> {
	return [...delivered].filter(([key]) => key.startsWith(prefix));
}

export function markDelivered(key: string, at = Date.now()): void {
	delivered.delete(key);
	delivered.set(key, at);
	forgetOld(Date.now());
}

export type Claim =
	| { kind: 'first'; settle(outcome: Outcome): void }
	| { kind: 'delivered' }
	| { kind: 'inFlight'; outcome: Promise<Outcome> };

/**
 * Claims `key` for this delivery, with no await between the check and the claim. `first`
 * must be settled exactly once; a success also marks the key delivered.
 */
export function claim(key: string): Claim {
	if (wasDelivered(key)) return { kind: 'delivered' };
	const running = inFlight.get(key);
	if (running) return { kind: 'inFlight', outcome: running };
	let resolve!: (outcome: Outcome) => void;
	inFlight.set(key, new Promise<Outcome>((done) => (resolve = done)));
	return {
		kind: 'first',
		settle(outcome: Outcome) {
			if (outcome.ok) markDelivered(key);
			inFlight.delete(key);
			resolve(outcome);
		},
	};
}

/** The work's result, or undefined if it is still running after `deadlineMs`. */
export async function withinDeadline<T>(work: Promise<T>, deadlineMs: number): Promise<T | undefined> {
	return await Promise.race([work, sleep(deadlineMs).then(() => undefined)]);
}
