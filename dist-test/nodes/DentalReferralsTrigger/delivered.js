"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.fingerprint = fingerprint;
exports.keyPrefix = keyPrefix;
exports.storedAsDelivered = storedAsDelivered;
exports.rememberInStaticData = rememberInStaticData;
const crypto_1 = require("crypto");
const deliveries_1 = require("../shared/deliveries");
/**
 * Which notifications this trigger already turned into executions, for Skip Duplicates.
 *
 * In the process: the claims of nodes/shared/deliveries.ts (race-free, immediate). Across
 * restarts and processes: the trigger's static data, `delivered: { <fingerprint>: <unix
 * seconds> }`, which n8n reloads from its database for every call and saves when the
 * trigger answers the call itself. Each save writes every delivery this process knows for
 * the trigger, so a save that raced with another one's is healed by the next.
 *
 * A fingerprint covers the URN and its file list: the API's retries repeat both, while a
 * notification for the same URN with other files (a forged one, say) cannot suppress the
 * real one. Entries are kept for 48 hours (the API retries for just over a day), at most 2,000.
 */
const MAX_STORED = 2_000;
function fingerprint({ urn, files }) {
    return (0, crypto_1.createHash)('sha256')
        .update(JSON.stringify([urn, [...files].sort()]))
        .digest('base64url')
        .slice(0, 22);
}
/** The prefix of this trigger's keys in the process-wide claims. */
function keyPrefix(workflowId, nodeName) {
    return `trigger\u0000${workflowId}\u0000${nodeName}\u0000`;
}
function stored(staticData) {
    const value = staticData.delivered;
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}
/** True if the static data says so; the process then remembers it too. */
function storedAsDelivered(staticData, prefix, print) {
    const seconds = stored(staticData)[print];
    if (typeof seconds !== 'number' || Date.now() - seconds * 1000 >= deliveries_1.REMEMBER_MS)
        return false;
    (0, deliveries_1.markDelivered)(prefix + print, seconds * 1000);
    return true;
}
/** Writes every delivery of this trigger known to the process into the static data. */
function rememberInStaticData(staticData, prefix) {
    const now = Date.now();
    const merged = { ...stored(staticData) };
    for (const [key, at] of (0, deliveries_1.deliveredWithPrefix)(prefix))
        merged[key.slice(prefix.length)] = Math.floor(at / 1000);
    const kept = Object.entries(merged)
        .filter(([, seconds]) => typeof seconds === 'number' && now - seconds * 1000 < deliveries_1.REMEMBER_MS)
        .sort(([, a], [, b]) => a - b)
        .slice(-MAX_STORED);
    staticData.delivered = Object.fromEntries(kept);
    // Up to 0.1.0 the trigger kept a list that n8n never saved reliably.
    if ('emitted' in staticData)
        delete staticData.emitted;
}
//# sourceMappingURL=delivered.js.map