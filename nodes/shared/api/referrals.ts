import type { IDataObject } from 'n8n-workflow';

import { apiRequest, type AnswerCheck, type AnswerProblem, type ApiContext } from '../transport';
import type { CallOptions } from './call-options';
import { field, first, isObject, isText, isTextArray } from './shape';

/** The API lists at most the 100 most recent referrals and has no paging beyond them. */
export const MAX_LISTED_REFERRALS = 100;

/** A referral as the status methods describe it; the URN is optional only in Referral Status. */
function referralProblem(referral: unknown, urnRequired: boolean, index?: number): AnswerProblem | undefined {
	const where = index === undefined ? '' : ` in referral_data[${index}]`;
	if (index !== undefined && !isObject(referral)) {
		return { expected: `an object as referral_data[${index}]`, found: referral };
	}
	const hasUrn = isObject(referral) && referral.referral_urn !== undefined;
	const isString = (value: unknown) => typeof value === 'string';
	return first(
		(answer) =>
			urnRequired || hasUrn ? field(answer, 'referral_urn', isText, 'a referral_urn', where) : undefined,
		(answer) => field(answer, 'referral_status', isString, 'a referral_status', where),
		(answer) => field(answer, 'referral_files', isTextArray, 'a referral_files array of URLs', where),
	)(referral);
}

const referralList: AnswerCheck = (answer) => {
	const data = isObject(answer) ? answer.referral_data : undefined;
	if (!Array.isArray(data)) return field(answer, 'referral_data', Array.isArray, 'a referral_data array');
	for (const [index, referral] of data.entries()) {
		const problem = referralProblem(referral, true, index);
		if (problem) return problem;
	}
	return undefined;
};

/** API documentation, “Referral Status”: one referral by URN. */
export async function referralStatus(
	this: ApiContext,
	urn: string,
	call: CallOptions = {},
): Promise<IDataObject> {
	return (await apiRequest.call(this, {
		method: 'GET',
		endpoint: 'referral_status',
		qs: { urn },
		notFound: `Referral ${urn}`,
		check: (answer) => referralProblem(answer, false),
		...call,
	})) as IDataObject;
}

/** A list method's answer: its referral_data, each entry checked to be a referral. */
async function listed(
	this: ApiContext,
	endpoint: string,
	qs: Record<string, string | number>,
	call: CallOptions & { notFound?: string },
): Promise<IDataObject[]> {
	const answer = await apiRequest.call(this, { method: 'GET', endpoint, qs, check: referralList, ...call });
	return (answer as { referral_data: IDataObject[] }).referral_data;
}

/** What a listed referral says about itself (its answer was checked), for pickers. */
export interface ReferralSummary {
	urn: string;
	status: string;
	/** Referrer name and referral reason, those given. */
	about: string[];
	files: string[];
}

export function summarizeReferral(referral: IDataObject): ReferralSummary {
	const text = (key: string) => (typeof referral[key] === 'string' ? referral[key] : '');
	return {
		urn: text('referral_urn'),
		status: text('referral_status'),
		about: [text('referrer_name'), text('referral_reason')].filter(Boolean),
		files: referral.referral_files as string[],
	};
}

/** API documentation, “Batch Referral Status”: the `count` most recently submitted referrals, newest first. */
export async function recentReferrals(
	this: ApiContext,
	count: number,
	call: CallOptions = {},
): Promise<IDataObject[]> {
	return await listed.call(this, 'batch_referral_status', { count }, call);
}

/** API documentation, “Referral Status By Patient”: a patient's most recent referrals, by PTGUID. */
export async function patientReferrals(
	this: ApiContext,
	ptguid: string,
	count: number,
	call: CallOptions = {},
): Promise<IDataObject[]> {
	return await listed.call(this, 'patient_referrals', { ptguid, count }, { notFound: 'Patient', ...call });
}
