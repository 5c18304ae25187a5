"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.trackProcessGroup = trackProcessGroup;
exports.onShutdown = onShutdown;
exports.stopList = stopList;
const groups = new Set();
const stoppers = new Set();
let installed = false;
let shuttingDown = false;
const SIGNAL_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
const SHUTDOWN_LIMIT_MS = 20_000;
function killGroupsNow() {
    for (const pgid of groups) {
        try {
            process.kill(-pgid, 'SIGKILL');
        }
        catch {
            // already gone
        }
    }
    groups.clear();
}
function onSignal(signal) {
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
function install() {
    if (installed)
        return;
    installed = true;
    process.on('exit', killGroupsNow);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
        process.on(signal, onSignal);
}
/** A detached child's process group, killed with SIGKILL when this process exits. */
function trackProcessGroup(pgid) {
    install();
    groups.add(pgid);
    return () => groups.delete(pgid);
}
/** An async stop run on SIGINT/SIGTERM/SIGHUP before exiting. Returns the unregister function. */
function onShutdown(stop) {
    install();
    stoppers.add(stop);
    return () => stoppers.delete(stop);
}
/**
 * Things a stack started, stopped in reverse order exactly once (idempotent `stop`), even if
 * one of them fails to stop; `stop` also runs if the process is interrupted.
 */
function stopList(log) {
    const stoppers = [];
    let stopping;
    const stop = () => {
        stopping ??= (async () => {
            for (const stopOne of stoppers.reverse()) {
                try {
                    await stopOne();
                }
                catch (error) {
                    log(`while stopping: ${error.message}`);
                }
            }
        })();
        return stopping;
    };
    const unregister = onShutdown(stop);
    stoppers.push(async () => unregister());
    return { add: (stopOne) => void stoppers.push(stopOne), stop };
}
//# sourceMappingURL=cleanup.js.map