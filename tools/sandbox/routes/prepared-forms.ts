// The browser side of prepared forms: GET /prepared_forms/show/<token> and the form's POST
// /prepared_forms/submit/<token>.
//
// As the real system does, the token logs the key's user in on first open (a 24 h session cookie)
// and is spent by that open. A later open without that session gets the login page, answered with
// HTTP 401 (the page still renders in a browser, and programs can tell it apart without reading HTML).
import type { RequestContext } from '../http';
import { firstValues, mediaType, parseCookies, sendHtml } from '../http';
import { loginPage, messagePage, preparedFormPage, submittedPage } from '../pages';
import type { SandboxState } from '../state';
import { SESSION_TTL_MS } from '../store';
import type { Referral } from '../store';
import { SandboxError } from '../errors';
import type { SubmittedReferral } from '../types';
import type { Route } from './route';

export const SESSION_COOKIE = 'dr_session';

function hasSessionFor(state: SandboxState, ctx: RequestContext, referral: Referral): boolean {
	const session = state.store.session(parseCookies(ctx.req.headers.cookie)[SESSION_COOKIE]);
	return session?.apiKey === referral.apiKey;
}

function decodeToken(raw: string): string {
	try {
		return decodeURIComponent(raw);
	} catch {
		return raw;
	}
}

function show(state: SandboxState, ctx: RequestContext, match: RegExpExecArray): void {
	const referral = state.store.referralByToken(decodeToken(match[1]));
	const practice = referral && state.store.practice(referral.apiKey);
	if (!referral || !practice) {
		sendHtml(ctx, 404, messagePage('Not found', 'This prepared form does not exist.'));
		return;
	}
	if (referral.tokenUsedAt === undefined) {
		referral.tokenUsedAt = Date.now();
		const session = state.store.createSession(referral.apiKey);
		const cookie = `${SESSION_COOKIE}=${session.id}; Path=/; Max-Age=${SESSION_TTL_MS / 1000}; HttpOnly; SameSite=Lax`;
		sendHtml(ctx, 200, preparedFormPage(referral, practice), {
			'Set-Cookie': cookie,
			'Cache-Control': 'no-store',
		});
		return;
	}
	if (!hasSessionFor(state, ctx, referral)) {
		sendHtml(ctx, 401, loginPage(), { 'Cache-Control': 'no-store' });
		return;
	}
	sendHtml(ctx, 200, preparedFormPage(referral, practice), { 'Cache-Control': 'no-store' });
}

function submit(state: SandboxState, ctx: RequestContext, match: RegExpExecArray): void {
	const referral = state.store.referralByToken(decodeToken(match[1]));
	if (!referral) {
		sendHtml(ctx, 404, messagePage('Not found', 'This prepared form does not exist.'));
		return;
	}
	if (!hasSessionFor(state, ctx, referral)) {
		sendHtml(ctx, 401, loginPage());
		return;
	}
	const fields =
		ctx.form && mediaType(ctx.contentType) === 'application/x-www-form-urlencoded'
			? firstValues(ctx.form)
			: {};
	let result: SubmittedReferral;
	try {
		result = state.submit(referral.urn, {
			referrerName: fields.referrer_name || undefined,
			referralReason: fields.referral_reason || undefined,
			formType: fields.form_type || undefined,
		});
	} catch (error) {
		// Expected refusals (already submitted, bad form type) get a page; anything else is a 500.
		const status = error instanceof SandboxError ? error.status : 500;
		sendHtml(ctx, status, messagePage('Cannot submit', (error as Error).message));
		return;
	}
	sendHtml(ctx, 200, submittedPage(result.urn, result.files));
}

export const preparedFormRoutes: Route[] = [
	{ methods: ['GET'], pattern: /^\/prepared_forms\/show\/([^/]+)$/, auth: 'none', handle: show },
	{ methods: ['POST'], pattern: /^\/prepared_forms\/submit\/([^/]+)$/, auth: 'none', handle: submit },
];
