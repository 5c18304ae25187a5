// referral_status, batch_referral_status and patient_referrals: submitted referrals of the
// calling practice only.
import type { RequestContext } from '../http';
import { sendError, sendJson } from '../http';
import type { SandboxState } from '../state';
import type { Referral } from '../store';
import { isValidationError, parseCount } from '../validation';
import type { Route } from './route';
import { API_ROOT } from './route';

function statusFields(referral: Referral) {
	const submission = referral.submission;
	return {
		referral_urn: referral.urn,
		referral_status: submission?.status,
		referrer_name: submission?.referrerName,
		referral_reason: submission?.referralReason,
		referral_files: [...(submission?.files ?? [])],
	};
}

function referralStatus(state: SandboxState, ctx: RequestContext): void {
	const urn = ctx.query.get('urn');
	if (!urn) {
		sendError(ctx, 400, 'urn is required');
		return;
	}
	const referral = state.store.referralByUrn(urn);
	// Unknown, not yet submitted and other practices' referrals all look the same: not found.
	if (!referral || referral.apiKey !== ctx.practice?.apiKey || !referral.submission) {
		sendError(ctx, 404, `Referral ${urn} not found (referrals appear here once submitted)`);
		return;
	}
	sendJson(ctx, 200, { status: 'success', ...statusFields(referral) });
}

function batch(filter: (referral: Referral, ctx: RequestContext) => boolean, required?: string) {
	return (state: SandboxState, ctx: RequestContext): void => {
		if (required && !ctx.query.get(required)) {
			sendError(ctx, 400, `${required} is required`);
			return;
		}
		const count = parseCount(ctx.query.get('count'));
		if (isValidationError(count)) {
			sendError(ctx, count.status, count.message);
			return;
		}
		const referrals = state.store
			.submittedReferrals(ctx.practice?.apiKey ?? '')
			.filter((referral) => filter(referral, ctx))
			.slice(0, count);
		sendJson(ctx, 200, { status: 'success', referral_data: referrals.map(statusFields) });
	};
}

export const referralRoutes: Route[] = [
	{
		methods: ['GET'],
		pattern: new RegExp(`^${API_ROOT}referral_status$`),
		auth: 'api',
		handle: referralStatus,
	},
	{
		methods: ['GET'],
		pattern: new RegExp(`^${API_ROOT}batch_referral_status$`),
		auth: 'api',
		handle: batch(() => true),
	},
	{
		methods: ['GET'],
		pattern: new RegExp(`^${API_ROOT}patient_referrals$`),
		auth: 'api',
		// The query is decoded like any form-encoded query: an unescaped '+' in a Base64 PTGUID
		// turns into a space, as it would on the real server; clients must percent-encode it.
		handle: batch((referral, ctx) => referral.ptguid === ctx.query.get('ptguid'), 'ptguid'),
	},
];
