"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.listFields = exports.API_MAX_COUNT = void 0;
exports.listCount = listCount;
exports.listReferrals = listReferrals;
const api_1 = require("../helpers/api");
const parameters_1 = require("../helpers/parameters");
/** The API returns at most the 100 most recent referrals and has no paging beyond them. */
exports.API_MAX_COUNT = 100;
/**
 * Return All / Limit; the operation adds its own displayOptions with updateDisplayOptions.
 * "All" is the API's maximum: the 100 most recent referrals.
 */
exports.listFields = [
    {
        displayName: 'Return All',
        name: 'returnAll',
        type: 'boolean',
        default: false,
        description: 'Whether to return all results or only up to a given limit',
    },
    {
        displayName: 'Limit',
        name: 'limit',
        type: 'number',
        typeOptions: { minValue: 1, maxValue: exports.API_MAX_COUNT },
        default: 50,
        description: 'Max number of results to return',
        displayOptions: { show: { returnAll: [false] } },
    },
];
/** The `count` to send for item `itemIndex`, checked against the API's 1–100 range. */
function listCount(itemIndex) {
    if (this.getNodeParameter('returnAll', itemIndex, false) === true)
        return exports.API_MAX_COUNT;
    return parameters_1.wholeNumberParameter.call(this, 'limit', itemIndex, 'Limit', {
        min: 1,
        max: exports.API_MAX_COUNT,
        fallback: 50,
    });
}
/** Calls a list method (`referral_data` answer) and makes one output item per referral. */
async function listReferrals(call) {
    const answer = await api_1.nodeApiRequest.call(this, { method: 'GET', ...call });
    // apiRequest has checked the documented shape: referral_data is an array of referral objects.
    return answer.referral_data.map((json) => ({ json }));
}
//# sourceMappingURL=list.fields.js.map