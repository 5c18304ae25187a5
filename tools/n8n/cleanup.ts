/**
 * Makes sure child process groups die with this process: on normal exit they are killed
 * synchronously; on SIGINT/SIGTERM/SIGHUP the registered async stoppers run (bounded)
 * and the process exits with the signal's conventional code.
 */
import { signalGroup } from '../process-group';

type Stopper = () => Promise<void>;

const groups = new Set<number>();
const stoppers = new Set<Stopper>();
let installed = false;
let shuttingDown = false;

const SIGNAL_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
const SHUTDOWN_LIMIT_MS = 20_000;

function killGroupsNow(): void {
	for (const pgid of groups) signalGroup(pgid, 'SIGKILL');
	groups.clear();
}

function onSignal(signal: NodeJS.Signals): void {
	if (shuttingDown) {
		killGroupsNow();
		process.exit(SIGNAL_CODES[signal] ?? 1);
	}
	shuttingDown = true;
	console.error(`\n[e2e] ${signal}: stopping everything…`);
	const limit = setTimeout(() => {
		killGroupsNow();
		process.exit(SIGNAL_CODES[signal] ?? 1);
	}, SHUTDOWN_LIMIT_MS);
	void Promise.allSettled([...stoppers].map((stop) => stop())).then(() => {
		clearTimeout(limit);
		killGroupsNow();
		process.exit(SIGNAL_CODES[signal] ?? 1);
	});
}

function install(): void {
	if (installed) return;
	installed = true;
	process.on('exit', killGroupsNow);
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
}

/** A detached child's process group, killed with SIGKILL when this process exits. */
export function trackProcessGroup(pgid: number): () => void {
	install();
	groups.add(pgid);
	return () => groups.delete(pgid);
}

/** An async stop run on SIGINT/SIGTERM/SIGHUP before exiting. Returns the unregister function. */
export function onShutdown(stop: Stopper): () => void {
	install();
	stoppers.add(stop);
	return () => stoppers.delete(stop);
}

/**
 * `stop` made idempotent (later calls share the first call's promise) and run, with a 5 s grace,
 * if this process is interrupted first.
 */
export function stopOnce(stop: (graceMs: number) => Promise<void>): (graceMs?: number) => Promise<void> {
	let stopping: Promise<void> | undefined;
	const unregister = onShutdown(() => once(5_000));
	const once = (graceMs = 10_000): Promise<void> => {
		unregister();
		stopping ??= stop(graceMs);
		return stopping;
	};
	return once;
}

/**
 * Things a stack started, stopped in reverse order exactly once (idempotent `stop`), even if
 * one of them fails to stop; `stop` also runs if the process is interrupted.
 */
export function stopList(log: (line: string) => void): {
	add(stopOne: () => Promise<void>): void;
	stop(): Promise<void>;
} {
	const stoppers: Array<() => Promise<void>> = [];
	let stopping: Promise<void> | undefined;
	const stop = (): Promise<void> => {
		stopping ??= (async () => {
			for (const stopOne of stoppers.reverse()) {
				try {
					await stopOne();
				} catch (error) {
					log(`while stopping: ${(error as Error).message}`);
				}
			}
		})();
		return stopping;
	};
	const unregister = onShutdown(stop);
	stoppers.push(async () => unregister());
	return { add: (stopOne) => void stoppers.push(stopOne), stop };
}
