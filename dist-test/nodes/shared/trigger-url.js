"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TOKEN_QUERY_PARAMETER = exports.TRIGGER_PATH_EXPRESSION = void 0;
exports.triggerPath = triggerPath;
exports.triggerToken = triggerToken;
exports.legacyTriggerToken = legacyTriggerToken;
exports.tokenMatches = tokenMatches;
exports.webhookBaseFromResumeUrl = webhookBaseFromResumeUrl;
exports.triggerUrl = triggerUrl;
const crypto_1 = require("crypto");
/**
 * The Dental Referrals Trigger's production URL is derived from the workflow's id alone —
 * `<n8n webhook base>/dental-referrals/<workflow id>/files-ready?token=<token>` — so that
 * Prepare Form and Save Draft can compute it in any process that runs them (a queue-mode
 * worker sees neither the trigger's webhook id nor fresh static data). One Dental Referrals
 * Trigger per workflow: n8n refuses to activate two webhooks with the same path.
 *
 * The API signs nothing, so the URL carries a secret token: an HMAC-SHA256 of the workflow id
 * keyed with the n8n instance's id, which every process of the instance (main, workers,
 * webhook processors) shares through its database. Both sides derive it without storing
 * anything, it has nothing to do with the API key (a leaked URL reveals nothing about a key
 * of only 40 bits), and it survives rotating the key: referrals prepared before a rotation
 * are still delivered after it.
 */
exports.TRIGGER_PATH_EXPRESSION = '={{ "dental-referrals/" + $workflow.id + "/files-ready" }}';
exports.TOKEN_QUERY_PARAMETER = 'token';
function triggerPath(workflowId) {
    return `dental-referrals/${workflowId}/files-ready`;
}
function triggerToken(instanceId, workflowId) {
    return (0, crypto_1.createHmac)('sha256', `dental-referrals-trigger/v3/${instanceId}`)
        .update(workflowId)
        .digest('hex')
        .slice(0, 40);
}
/**
 * The token of versions up to 0.1.0, keyed with the API key. Still accepted (it costs a
 * credential read, so only when the current token does not match), so that referrals
 * prepared before an upgrade are delivered; it stops working when the key is rotated.
 */
function legacyTriggerToken(apiKey, workflowId) {
    return (0, crypto_1.createHmac)('sha256', apiKey)
        .update(`dental-referrals-trigger/v2/${workflowId}`)
        .digest('hex')
        .slice(0, 40);
}
/** Constant-time comparison, so the token cannot be guessed byte by byte from timings. */
function tokenMatches(expected, given) {
    if (typeof given !== 'string')
        return false;
    const a = Buffer.from(expected);
    const b = Buffer.from(given);
    return a.length === b.length && (0, crypto_1.timingSafeEqual)(a, b);
}
/**
 * n8n's production webhook base (e.g. https://n8n.example.com/webhook), from this execution's
 * resume URL (`<WEBHOOK_URL>webhook-waiting/<execution id>`): the one webhook URL an execution
 * is told, on every process, WEBHOOK_URL honoured. Undefined when n8n's endpoints are renamed
 * (N8N_ENDPOINT_WEBHOOK_WAIT), since the production endpoint cannot then be inferred.
 */
function webhookBaseFromResumeUrl(resumeUrl) {
    let url;
    try {
        url = new URL(resumeUrl);
    }
    catch {
        return undefined;
    }
    const segments = url.pathname.split('/');
    if (segments.length < 3 || segments[segments.length - 2] !== 'webhook-waiting')
        return undefined;
    return `${url.origin}${segments.slice(0, -2).join('/')}/webhook`;
}
function triggerUrl(webhookBase, workflowId, instanceId) {
    const url = new URL(`${webhookBase}/${triggerPath(workflowId)}`);
    url.searchParams.set(exports.TOKEN_QUERY_PARAMETER, triggerToken(instanceId, workflowId));
    return url.href;
}
//# sourceMappingURL=trigger-url.js.map