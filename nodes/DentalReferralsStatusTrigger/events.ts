import type { IDataObject } from 'n8n-workflow';

import { API_WINDOW, type RecentReferrals, type Referral } from './referrals';
import { fileFingerprint, type KnownReferrals } from './state';

/** The events a user can watch (parameter `events`). */
export const WATCHABLE_EVENTS = ['newReferral', 'statusChanged', 'filesReady'] as const;
export type WatchedEvent = (typeof WATCHABLE_EVENTS)[number];

/** Everything that changed for one referral since the trigger last saw it. */
export interface ReferralChanges extends IDataObject {
	status?: { from: string | null; to: string | null };
	files?: { added: string[]; previousCount: number; count: number };
}

/** One output item's JSON (apart from the windowOverflow item). */
export interface ReferralEvent extends IDataObject {
	event: WatchedEvent | 'sample';
	urn: string;
	/** The API's referral object, as the recent referrals listed it. */
	referral: IDataObject;
	previousStatus: string | null;
	changes: ReferralChanges;
}

export interface PollDiff {
	/** Oldest first, so a workflow handles referrals in the order they were submitted. */
	events: ReferralEvent[];
	/** The window was full of referrals the trigger had never seen: some may have been missed. */
	overflow: boolean;
}

function event(
	name: ReferralEvent['event'],
	referral: Referral,
	previousStatus: string | null,
	changes: ReferralChanges,
): ReferralEvent {
	return { event: name, urn: referral.urn, referral: referral.data, previousStatus, changes };
}

/** What a first sighting looks like: the status and every file are new. */
function firstSighting(referral: Referral): ReferralChanges {
	const changes: ReferralChanges = { status: { from: null, to: referral.status } };
	if (referral.files.length) {
		changes.files = { added: [...referral.files], previousCount: 0, count: referral.files.length };
	}
	return changes;
}

/** The sample a manual run shows: the latest referral, shaped like a newReferral event. */
export function sampleEvent(referral: Referral): ReferralEvent {
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
export function diffReferrals(
	known: KnownReferrals,
	recent: RecentReferrals,
	watched: ReadonlySet<WatchedEvent>,
): PollDiff {
	const events: ReferralEvent[] = [];
	for (const referral of [...recent.referrals].reverse()) {
		const previous = known.get(referral.urn);
		if (!previous) {
			if (watched.has('newReferral')) {
				events.push(event('newReferral', referral, null, firstSighting(referral)));
			} else if (watched.has('filesReady') && referral.files.length) {
				events.push(event('filesReady', referral, null, firstSighting(referral)));
			}
			continue;
		}
		const changes: ReferralChanges = {};
		if (previous.status !== referral.status) {
			changes.status = { from: previous.status, to: referral.status };
		}
		const seenFiles = new Set(previous.files);
		const added = referral.files.filter((url) => !seenFiles.has(fileFingerprint(url)));
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
	const overflow = recent.listed >= API_WINDOW && !!oldest && !known.has(oldest.urn);
	return { events, overflow };
}

/** The extra item a poll emits first when the API's window may have hidden referrals. */
export function overflowItem(): IDataObject {
	return {
		event: 'windowOverflow',
		message:
			`The API lists only the ${API_WINDOW} most recently submitted referrals, and all of them are new ` +
			'since the last poll: referrals submitted before them, and their status or PDF changes, may have ' +
			'been missed. Poll more often, or compare with Dental Referrals → Get Recent.',
	};
}
