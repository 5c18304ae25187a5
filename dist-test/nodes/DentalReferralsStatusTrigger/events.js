"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WATCHABLE_EVENTS = void 0;
exports.sampleEvent = sampleEvent;
exports.diffReferrals = diffReferrals;
exports.overflowItem = overflowItem;
const referrals_1 = require("./referrals");
const state_1 = require("./state");
/** The events a user can watch (parameter `events`). */
exports.WATCHABLE_EVENTS = ['newReferral', 'statusChanged', 'filesReady'];
function event(name, referral, previousStatus, changes) {
    return { event: name, urn: referral.urn, referral: referral.data, previousStatus, changes };
}
/** What a first sighting looks like: the status and every file are new. */
function firstSighting(referral) {
    const changes = { status: { from: null, to: referral.status } };
    if (referral.files.length) {
        changes.files = { added: [...referral.files], previousCount: 0, count: referral.files.length };
    }
    return changes;
}
/** The sample a manual run shows: the latest referral, shaped like a newReferral event. */
function sampleEvent(referral) {
    return event('sample', referral, null, firstSighting(referral));
}
/**
 * Compares the API's answer with the remembered referrals.
 * - An unknown URN is a new referral. If New Referral is not watched but PDFs Ready is, a new
 *   referral that already has files is reported as filesReady (its PDFs are new to the user).
 * - A known URN whose status text differs is statusChanged.
 * - A known URN with a document URL not seen before is filesReady (files that disappear are
 *   only remembered, not reported).
 * Status and files changing in the same poll give two items with the same `changes`.
 */
function diffReferrals(known, recent, watched) {
    const events = [];
    for (const referral of [...recent.referrals].reverse()) {
        const previous = known.get(referral.urn);
        if (!previous) {
            if (watched.has('newReferral')) {
                events.push(event('newReferral', referral, null, firstSighting(referral)));
            }
            else if (watched.has('filesReady') && referral.files.length) {
                events.push(event('filesReady', referral, null, firstSighting(referral)));
            }
            continue;
        }
        const changes = {};
        if (previous.status !== referral.status) {
            changes.status = { from: previous.status, to: referral.status };
        }
        const seenFiles = new Set(previous.files);
        const added = referral.files.filter((url) => !seenFiles.has((0, state_1.fileFingerprint)(url)));
        if (added.length) {
            changes.files = { added, previousCount: previous.files.length, count: referral.files.length };
        }
        if (changes.status && watched.has('statusChanged')) {
            events.push(event('statusChanged', referral, previous.status, changes));
        }
        if (changes.files && watched.has('filesReady')) {
            events.push(event('filesReady', referral, previous.status, changes));
        }
    }
    // The API lists referrals newest first and at most 100. Newly submitted referrals push older
    // ones out at the bottom, so when a full window ends with a referral the trigger has never
    // seen, every referral in it is new and more may have been pushed out unseen.
    const oldest = recent.referrals[recent.referrals.length - 1];
    const overflow = recent.listed >= referrals_1.API_WINDOW && !!oldest && !known.has(oldest.urn);
    return { events, overflow };
}
/** The extra item a poll emits first when the API's window may have hidden referrals. */
function overflowItem() {
    return {
        event: 'windowOverflow',
        message: `The API lists only the ${referrals_1.API_WINDOW} most recently submitted referrals, and all of them are new ` +
            'since the last poll: referrals submitted before them, and their status or PDF changes, may have ' +
            'been missed. Poll more often, or compare with Dental Referrals → Get Recent.',
    };
}
//# sourceMappingURL=events.js.map