import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import {
	MAX_LISTED_REFERRALS,
	recentReferrals,
	summarizeReferral,
	type ReferralSummary,
} from '../../shared/api';

/**
 * The pickers of node version 2. The API can list only the 100 most recently submitted
 * referrals (“Batch Referral Status”, no paging), so one call fills a list and the filter is
 * applied here. Its entries carry no patient name: a URN, status, referrer and reason are what
 * the API says about a referral.
 */

function matches(filter: string | undefined, entry: INodeListSearchItems): boolean {
	const wanted = (filter ?? '').trim().toLowerCase();
	const texts = [entry.name, entry.description ?? ''];
	return wanted === '' || texts.some((text) => text.toLowerCase().includes(wanted));
}

/** The entries `entriesOf` makes of the recent referrals, those the filter matches by name or description. */
async function search(
	this: ILoadOptionsFunctions,
	filter: string | undefined,
	entriesOf: (referral: ReferralSummary) => INodeListSearchItems[],
): Promise<INodeListSearchResult> {
	const referrals = (await recentReferrals.call(this, MAX_LISTED_REFERRALS)).map(summarizeReferral);
	return { results: referrals.flatMap(entriesOf).filter((entry) => matches(filter, entry)) };
}

/** Recent referrals: "URN — status", with referrer and reason below. */
export async function searchReferrals(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await search.call(this, filter, ({ urn, status, about }) => [
		{ name: `${urn} — ${status}`, value: urn, description: about.join(', ') },
	]);
}

/** The PDFs of recent referrals: "URN — file name", the value its URL. */
export async function searchDocuments(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await search.call(this, filter, ({ urn, status, files }) =>
		files.map((url) => ({
			name: `${urn} — ${url.slice(url.lastIndexOf('/') + 1)}`,
			value: url,
			description: status,
		})),
	);
}
