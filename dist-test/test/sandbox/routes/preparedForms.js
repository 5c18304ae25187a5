"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.preparedFormRoutes = exports.SESSION_COOKIE = void 0;
const http_1 = require("../http");
const pages_1 = require("../pages");
const store_1 = require("../store");
const errors_1 = require("../errors");
exports.SESSION_COOKIE = 'dr_session';
function hasSessionFor(state, ctx, referral) {
    const session = state.store.session((0, http_1.parseCookies)(ctx.req.headers.cookie)[exports.SESSION_COOKIE]);
    return session?.apiKey === referral.apiKey;
}
function decodeToken(raw) {
    try {
        return decodeURIComponent(raw);
    }
    catch {
        return raw;
    }
}
function show(state, ctx, match) {
    const referral = state.store.referralByToken(decodeToken(match[1]));
    const practice = referral && state.store.practice(referral.apiKey);
    if (!referral || !practice) {
        (0, http_1.sendHtml)(ctx, 404, (0, pages_1.messagePage)('Not found', 'This prepared form does not exist.'));
        return;
    }
    if (referral.tokenUsedAt === undefined) {
        referral.tokenUsedAt = Date.now();
        const session = state.store.createSession(referral.apiKey);
        const cookie = `${exports.SESSION_COOKIE}=${session.id}; Path=/; Max-Age=${store_1.SESSION_TTL_MS / 1000}; HttpOnly; SameSite=Lax`;
        (0, http_1.sendHtml)(ctx, 200, (0, pages_1.preparedFormPage)(referral, practice), {
            'Set-Cookie': cookie,
            'Cache-Control': 'no-store',
        });
        return;
    }
    if (!hasSessionFor(state, ctx, referral)) {
        (0, http_1.sendHtml)(ctx, 401, (0, pages_1.loginPage)(), { 'Cache-Control': 'no-store' });
        return;
    }
    (0, http_1.sendHtml)(ctx, 200, (0, pages_1.preparedFormPage)(referral, practice), { 'Cache-Control': 'no-store' });
}
function submit(state, ctx, match) {
    const referral = state.store.referralByToken(decodeToken(match[1]));
    if (!referral) {
        (0, http_1.sendHtml)(ctx, 404, (0, pages_1.messagePage)('Not found', 'This prepared form does not exist.'));
        return;
    }
    if (!hasSessionFor(state, ctx, referral)) {
        (0, http_1.sendHtml)(ctx, 401, (0, pages_1.loginPage)());
        return;
    }
    const fields = ctx.form && (0, http_1.mediaType)(ctx.contentType) === 'application/x-www-form-urlencoded'
        ? (0, http_1.firstValues)(ctx.form)
        : {};
    let result;
    try {
        result = state.submit(referral.urn, {
            referrerName: fields.referrer_name || undefined,
            referralReason: fields.referral_reason || undefined,
            formType: fields.form_type || undefined,
        });
    }
    catch (error) {
        // Expected refusals (already submitted, bad form type) get a page; anything else is a 500.
        const status = error instanceof errors_1.SandboxError ? error.status : 500;
        (0, http_1.sendHtml)(ctx, status, (0, pages_1.messagePage)('Cannot submit', error.message));
        return;
    }
    (0, http_1.sendHtml)(ctx, 200, (0, pages_1.submittedPage)(result.urn, result.files));
}
exports.preparedFormRoutes = [
    { methods: ['GET'], pattern: /^\/prepared_forms\/show\/([^/]+)$/, auth: 'none', handle: show },
    { methods: ['POST'], pattern: /^\/prepared_forms\/submit\/([^/]+)$/, auth: 'none', handle: submit },
];
//# sourceMappingURL=preparedForms.js.map