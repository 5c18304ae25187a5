import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { apiRequest } from '../shared/transport';

/** The API's limit for batch_referral_status: it never lists more than the 100 most recent. */
export const API_WINDOW = 100;

/** A referral as the API lists it, with the fields the trigger compares pulled out. */
export interface Referral {
	urn: string;
	status: string | null;
	files: string[];
	/** The API's object, unchanged: what the output items carry. */
	data: IDataObject;
}

function toReferral(data: IDataObject): Referral {
	// apiRequest has checked the documented shape (answers.ts): a URN, a status and a files array.
	const files = (data.referral_files as string[]).filter((file) => file !== '');
	return { urn: data.referral_urn as string, status: data.referral_status as string, files, data };
}

/** One batch_referral_status answer. */
export interface RecentReferrals {
	/** Newest first (the API's order). */
	referrals: Referral[];
	/** How many entries the API listed (duplicates included): 100 = a full window. */
	listed: number;
}

/**
 * The most recently submitted referrals. An answer whose entries lack a URN, a status or a files
 * array fails the poll (answers.ts) rather than hiding referrals; a URN listed twice keeps its
 * first entry.
 */
export function parseReferrals(answer: IDataObject): RecentReferrals {
	const data = answer.referral_data as IDataObject[];
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

/** GET batch_referral_status through the package's transport (NodeApiError on any failure). */
export async function fetchRecentReferrals(this: IPollFunctions, count: number): Promise<RecentReferrals> {
	const answer = await apiRequest.call(this, {
		method: 'GET',
		endpoint: 'batch_referral_status',
		qs: { count },
	});
	return parseReferrals(answer);
}
