"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REMEMBER_MS = void 0;
exports.wasDelivered = wasDelivered;
exports.deliveredWithPrefix = deliveredWithPrefix;
exports.markDelivered = markDelivered;
exports.claim = claim;
exports.withinDeadline = withinDeadline;
const n8n_workflow_1 = require("n8n-workflow");
/** Just over the API's retry schedule (1 h + 4 h + 1 day), with a margin. */
exports.REMEMBER_MS = 48 * 3_600_000;
const MAX_REMEMBERED = 10_000;
const inFlight = new Map();
const delivered = new Map();
function forgetOld(now) {
    for (const [key, at] of delivered) {
        if (delivered.size <= MAX_REMEMBERED && now - at < exports.REMEMBER_MS)
            break;
        delivered.delete(key);
    }
}
function wasDelivered(key) {
    const at = delivered.get(key);
    return at !== undefined && Date.now() - at < exports.REMEMBER_MS;
}
/** Keys delivered in this process that start with `prefix`, with when (ms since epoch). */
function deliveredWithPrefix(prefix) {
    return [...delivered].filter(([key]) => key.startsWith(prefix));
}
function markDelivered(key, at = Date.now()) {
    delivered.delete(key);
    delivered.set(key, at);
    forgetOld(Date.now());
}
/**
 * Claims `key` for this delivery, with no await between the check and the claim. `first`
 * must be settled exactly once; a success also marks the key delivered.
 */
function claim(key) {
    if (wasDelivered(key))
        return { kind: 'delivered' };
    const running = inFlight.get(key);
    if (running)
        return { kind: 'inFlight', outcome: running };
    let resolve;
    inFlight.set(key, new Promise((done) => (resolve = done)));
    return {
        kind: 'first',
        settle(outcome) {
            if (outcome.ok)
                markDelivered(key);
            inFlight.delete(key);
            resolve(outcome);
        },
    };
}
/** The work's result, or undefined if it is still running after `deadlineMs`. */
async function withinDeadline(work, deadlineMs) {
    return await Promise.race([work, (0, n8n_workflow_1.sleep)(deadlineMs).then(() => undefined)]);
}
//# sourceMappingURL=deliveries.js.map