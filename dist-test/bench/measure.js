"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.peakRssBytes = exports.rssBytes = void 0;
exports.median = median;
exports.percentile = percentile;
exports.nowMs = nowMs;
exports.timed = timed;
exports.resetPeakRss = resetPeakRss;
exports.collectGarbage = collectGarbage;
/** Small statistics and process-memory helpers (Linux /proc). */
const node_fs_1 = require("node:fs");
function median(values) {
    if (values.length === 0)
        return Number.NaN;
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
/** Nearest-rank percentile, p in 0..100. */
function percentile(values, p) {
    if (values.length === 0)
        return Number.NaN;
    const sorted = [...values].sort((a, b) => a - b);
    const rank = Math.ceil((p / 100) * sorted.length);
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}
function nowMs() {
    return Number(process.hrtime.bigint()) / 1e6;
}
async function timed(work) {
    const started = nowMs();
    const value = await work();
    return { value, ms: nowMs() - started };
}
function statusField(name) {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec((0, node_fs_1.readFileSync)('/proc/self/status', 'utf8'));
    if (!match)
        throw new Error(`/proc/self/status has no ${name}`);
    return Number(match[1]) * 1024;
}
/** Current resident set size, bytes. */
const rssBytes = () => statusField('VmRSS');
exports.rssBytes = rssBytes;
/** Peak resident set size since the last resetPeakRss(), bytes. */
const peakRssBytes = () => statusField('VmHWM');
exports.peakRssBytes = peakRssBytes;
/** Resets VmHWM to the current RSS (Linux >= 4.0: write 5 to clear_refs). */
function resetPeakRss() {
    (0, node_fs_1.writeFileSync)('/proc/self/clear_refs', '5');
}
/** Runs the garbage collector when node was started with --expose-gc. */
function collectGarbage() {
    const gc = globalThis.gc;
    if (gc) {
        gc();
        gc();
    }
}
//# sourceMappingURL=measure.js.map