"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.referralRoutes = void 0;
const http_1 = require("../http");
const validation_1 = require("../validation");
const route_1 = require("./route");
function statusFields(referral) {
    const submission = referral.submission;
    return {
        referral_urn: referral.urn,
        referral_status: submission?.status,
        referrer_name: submission?.referrerName,
        referral_reason: submission?.referralReason,
        referral_files: [...(submission?.files ?? [])],
    };
}
function referralStatus(state, ctx) {
    const urn = ctx.query.get('urn');
    if (!urn) {
        (0, http_1.sendError)(ctx, 400, 'urn is required');
        return;
    }
    const referral = state.store.referralByUrn(urn);
    // Unknown, not yet submitted and other practices' referrals all look the same: not found.
    if (!referral || referral.apiKey !== ctx.practice?.apiKey || !referral.submission) {
        (0, http_1.sendError)(ctx, 404, `Referral ${urn} not found (referrals appear here once submitted)`);
        return;
    }
    (0, http_1.sendJson)(ctx, 200, { status: 'success', ...statusFields(referral) });
}
function batch(filter, required) {
    return (state, ctx) => {
        if (required && !ctx.query.get(required)) {
            (0, http_1.sendError)(ctx, 400, `${required} is required`);
            return;
        }
        const count = (0, validation_1.parseCount)(ctx.query.get('count'));
        if ((0, validation_1.isValidationError)(count)) {
            (0, http_1.sendError)(ctx, count.status, count.message);
            return;
        }
        const referrals = state.store
            .submittedReferrals(ctx.practice?.apiKey ?? '')
            .filter((referral) => filter(referral, ctx))
            .slice(0, count);
        (0, http_1.sendJson)(ctx, 200, { status: 'success', referral_data: referrals.map(statusFields) });
    };
}
exports.referralRoutes = [
    {
        methods: ['GET'],
        pattern: new RegExp(`^${route_1.API_ROOT}referral_status$`),
        auth: 'api',
        handle: referralStatus,
    },
    {
        methods: ['GET'],
        pattern: new RegExp(`^${route_1.API_ROOT}batch_referral_status$`),
        auth: 'api',
        handle: batch(() => true),
    },
    {
        methods: ['GET'],
        pattern: new RegExp(`^${route_1.API_ROOT}patient_referrals$`),
        auth: 'api',
        // The query is decoded like any form-encoded query: an unescaped '+' in a Base64 PTGUID
        // turns into a space, as it would on the real server; clients must percent-encode it.
        handle: batch((referral, ctx) => referral.ptguid === ctx.query.get('ptguid'), 'ptguid'),
    },
];
//# sourceMappingURL=referrals.js.map