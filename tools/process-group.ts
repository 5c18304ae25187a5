/** A detached child's process group (its pid is the group id), and the one way the tools stop it. */

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Whether any process of the group is still there (signal 0 only checks). */
export function groupAlive(pgid: number): boolean {
	try {
		process.kill(-pgid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Sends `signal` to the group; a group that is gone already is not an error. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pgid, signal);
	} catch {
		// gone already
	}
}

/**
 * `signal` (SIGTERM unless the program's clean stop is another, e.g. PostgreSQL's SIGINT), then
 * SIGKILL if the group outlives `graceMs` — reported through `onKill` — waiting up to 5 s for
 * the kill to land (a killed group can take a moment to be reaped).
 */
export async function stopGroup(
	pgid: number,
	graceMs: number,
	options: { signal?: NodeJS.Signals; onKill?: () => void } = {},
): Promise<void> {
	for (const signal of [options.signal ?? 'SIGTERM', 'SIGKILL'] as const) {
		if (!groupAlive(pgid)) return;
		if (signal === 'SIGKILL') options.onKill?.();
		signalGroup(pgid, signal);
		const deadline = Date.now() + (signal === 'SIGKILL' ? 5_000 : graceMs);
		while (groupAlive(pgid) && Date.now() < deadline) await sleep(50);
	}
}
