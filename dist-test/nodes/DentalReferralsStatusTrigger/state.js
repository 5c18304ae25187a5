"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_KNOWN = void 0;
exports.fileFingerprint = fileFingerprint;
exports.knownReferral = knownReferral;
exports.readState = readState;
exports.nextState = nextState;
exports.writeState = writeState;
exports.storedReferralCount = storedReferralCount;
/**
 * What the trigger remembers between polls, in the workflow's static data (node scope).
 * n8n stores static data in the workflow row, so it is kept small and bounded: at most
 * MAX_KNOWN referrals, each as [urn, index into `statuses`, file fingerprints], where the
 * file fingerprints are 8 hex characters per document URL. Repeated status texts are stored
 * once in `statuses`. About 40 bytes per referral, ~20 KB at the bound.
 */
exports.MAX_KNOWN = 500;
const STATE_KEY = 'referralStatus';
const VERSION = 1;
const FINGERPRINT_LENGTH = 8;
/** FNV-1a (32 bit) of a document URL: enough to tell a referral's few files apart. */
function fileFingerprint(url) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < url.length; i++) {
        hash ^= url.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(FINGERPRINT_LENGTH, '0');
}
function knownReferral(referral) {
    return { status: referral.status, files: referral.files.map(fileFingerprint) };
}
function isStoredState(value) {
    const state = value;
    return (!!state &&
        state.version === VERSION &&
        typeof state.scope === 'string' &&
        Array.isArray(state.statuses) &&
        Array.isArray(state.referrals) &&
        state.referrals.every((entry) => Array.isArray(entry) &&
            typeof entry[0] === 'string' &&
            typeof entry[1] === 'number' &&
            typeof entry[2] === 'string'));
}
/**
 * The remembered referrals, or undefined when there is no usable baseline yet (first poll,
 * state from another version, credential or API origin).
 */
function readState(staticData, scope) {
    const stored = staticData[STATE_KEY];
    if (!isStoredState(stored) || stored.scope !== scope)
        return undefined;
    const known = new Map();
    for (const [urn, statusIndex, files] of stored.referrals) {
        const status = stored.statuses[statusIndex];
        known.set(urn, {
            status: typeof status === 'string' ? status : null,
            files: files.match(/.{8}/g) ?? [],
        });
    }
    return known;
}
/**
 * The state after a poll: the referrals of this answer first (newest first), then the
 * remembered ones the answer no longer shows, cut at MAX_KNOWN. Referrals that left the
 * API's 100 window are kept for a while in case the API ever lists one again.
 */
function nextState(previous, referrals) {
    const next = new Map();
    for (const referral of referrals) {
        if (next.size >= exports.MAX_KNOWN)
            break;
        if (!next.has(referral.urn))
            next.set(referral.urn, knownReferral(referral));
    }
    for (const [urn, entry] of previous ?? []) {
        if (next.size >= exports.MAX_KNOWN)
            break;
        if (!next.has(urn))
            next.set(urn, entry);
    }
    return next;
}
function serialise(known, scope) {
    const statuses = [];
    const indexes = new Map();
    const referrals = [];
    for (const [urn, { status, files }] of known) {
        let index = -1;
        if (status !== null) {
            index = indexes.get(status) ?? statuses.push(status) - 1;
            indexes.set(status, index);
        }
        referrals.push([urn, index, files.join('')]);
    }
    return { version: VERSION, scope, statuses, referrals };
}
/**
 * Writes the state into static data, only if it differs: n8n then saves it with the next
 * execution this trigger starts (or with the activation), never on a poll that emits nothing.
 */
function writeState(staticData, scope, known) {
    const stored = serialise(known, scope);
    if (JSON.stringify(staticData[STATE_KEY]) !== JSON.stringify(stored)) {
        staticData[STATE_KEY] = stored;
    }
}
/** The stored state's size, for tests and diagnostics. */
function storedReferralCount(staticData) {
    const stored = staticData[STATE_KEY];
    return isStoredState(stored) ? stored.referrals.length : 0;
}
//# sourceMappingURL=state.js.map