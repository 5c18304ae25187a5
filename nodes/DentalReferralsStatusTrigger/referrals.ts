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

function toReferral(value: unknown): Referral | undefined {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
	const data = value as IDataObject;
	const urn = data.referral_urn;
	if (typeof urn !== 'string' || urn === '') return undefined;
	const files = Array.isArray(data.referral_files)
		? data.referral_files.filter((file): file is string => typeof file === 'string' && file !== '')
		: [];
	const status = typeof data.referral_status === 'string' ? data.referral_status : null;
	return { urn, status, files, data };
}

/** One batch_referral_status answer. */
export interface RecentReferrals {
	/** Newest first (the API's order). */
	referrals: Referral[];
	/** How many entries the API listed (before skipping unusable ones): 100 = a full window. */
	listed: number;
}

/**
 * The most recently submitted referrals. Entries without a URN cannot be followed and are
 * skipped; a URN listed twice keeps its first entry.
 */
export function parseReferrals(answer: IDataObject): RecentReferrals {
	const data = Array.isArray(answer.referral_data) ? answer.referral_data : [];
	const seen = new Set<string>();
	const referrals: Referral[] = [];
	for (const value of data) {
		const referral = toReferral(value);
		if (referral && !seen.has(referral.urn)) {
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
