import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { MAX_LISTED_REFERRALS, recentReferrals } from '../shared/api';

/** The API never lists more than the 100 most recent referrals. */
export const API_WINDOW = MAX_LISTED_REFERRALS;

/** A referral as the API lists it, with the fields the trigger compares pulled out. */
export interface Referral {
	urn: string;
	status: string | null;
	files: string[];
	/** The API's object, unchanged: what the output items carry. */
	data: IDataObject;
}

function toReferral(data: IDataObject): Referral {
	// The client has checked the documented shape: a URN, a status and a files array.
	const files = (data.referral_files as string[]).filter((file) => file !== '');
	return { urn: data.referral_urn as string, status: data.referral_status as string, files, data };
}

/** One answer of the recent referrals. */
export interface RecentReferrals {
	/** Newest first (the API's order). */
	referrals: Referral[];
	/** How many entries the API listed (duplicates included): 100 = a full window. */
	listed: number;
}

/**
 * The most recently submitted referrals. An answer whose entries lack a URN, a status or a files
 * array fails the poll (the client checks it) rather than hiding referrals; a URN listed twice
 * keeps its first entry.
 */
export function parseReferrals(data: IDataObject[]): RecentReferrals {
	const seen = new Set<string>();
	const referrals: Referral[] = [];
	for (const referral of data.map(toReferral)) {
		if (!seen.has(referral.urn)) {
			seen.add(referral.urn);
			referrals.push(referral);
		}
	}
	return { referrals, listed: data.length };
}

/** The recent referrals through the API client (NodeApiError on any failure). */
export async function fetchRecentReferrals(this: IPollFunctions, count: number): Promise<RecentReferrals> {
	return parseReferrals(await recentReferrals.call(this, count));
}
