"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.API_WINDOW = void 0;
exports.parseReferrals = parseReferrals;
exports.fetchRecentReferrals = fetchRecentReferrals;
const transport_1 = require("../shared/transport");
/** The API's limit for batch_referral_status: it never lists more than the 100 most recent. */
exports.API_WINDOW = 100;
function toReferral(data) {
    // apiRequest has checked the documented shape (answers.ts): a URN, a status and a files array.
    const files = data.referral_files.filter((file) => file !== '');
    return { urn: data.referral_urn, status: data.referral_status, files, data };
}
/**
 * The most recently submitted referrals. An answer whose entries lack a URN, a status or a files
 * array fails the poll (answers.ts) rather than hiding referrals; a URN listed twice keeps its
 * first entry.
 */
function parseReferrals(answer) {
    const data = answer.referral_data;
    const seen = new Set();
    const referrals = [];
    for (const referral of data.map(toReferral)) {
        if (!seen.has(referral.urn)) {
            seen.add(referral.urn);
            referrals.push(referral);
        }
    }
    return { referrals, listed: data.length };
}
/** GET batch_referral_status through the package's transport (NodeApiError on any failure). */
async function fetchRecentReferrals(count) {
    const answer = await transport_1.apiRequest.call(this, {
        method: 'GET',
        endpoint: 'batch_referral_status',
        qs: { count },
    });
    return parseReferrals(answer);
}
//# sourceMappingURL=referrals.js.map