"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.apiMessage = apiMessage;
exports.httpFailure = httpFailure;
exports.malformedAnswer = malformedAnswer;
exports.notPdfFailure = notPdfFailure;
exports.networkFailure = networkFailure;
const n8n_workflow_1 = require("n8n-workflow");
function apiError(context, message, description, httpCode) {
    const response = { message };
    if (httpCode !== undefined)
        response.httpCode = String(httpCode);
    return new n8n_workflow_1.NodeApiError(context.node, response, {
        message,
        description,
        httpCode: httpCode === undefined ? undefined : String(httpCode),
        itemIndex: context.itemIndex,
    });
}
/** The API's own `message`, if the body is its documented error shape. */
function apiMessage(body) {
    if (body && typeof body === 'object' && !Array.isArray(body)) {
        const message = body.message;
        if (typeof message === 'string' && message.trim() !== '')
            return message.trim();
    }
    return undefined;
}
/** An HTTP answer that is not a success, mapped as the contract's error table says. */
function httpFailure(context, statusCode, body, isJson, location) {
    const message = apiMessage(body);
    if (statusCode >= 300 && statusCode < 400) {
        let target = 'another location';
        try {
            target = new URL(location ?? '', `http://${context.host}`).origin;
        }
        catch {
            // An unparseable Location is reported as "another location".
            target = 'another location';
        }
        return apiError(context, `The Dental Referrals API at ${context.host} answered with a redirect (HTTP ${statusCode}) to ${target}`, 'Redirects are not followed, so the API key is only ever sent to the origin of the credential. Check the credential Base URL.', statusCode);
    }
    if (statusCode === 401) {
        return apiError(context, 'The Dental Referrals API rejected the API key (HTTP 401)', 'Check the API key and the environment in the Dental Referrals API credential.', 401);
    }
    if (!isJson) {
        return apiError(context, `The Dental Referrals API at ${context.host} answered HTTP ${statusCode} with a body that is not JSON`, 'The API always answers JSON; a proxy or a wrong Base URL may be in the way.', statusCode);
    }
    if (statusCode === 404) {
        return apiError(context, `${context.notFound ?? 'The requested entity'} was not found or has expired (HTTP 404)`, message, 404);
    }
    if (statusCode === 400 || statusCode === 422) {
        return apiError(context, message ?? `The Dental Referrals API refused the request (HTTP ${statusCode})`, `The API refused the request (HTTP ${statusCode}). Check the parameter it names.`, statusCode);
    }
    if (statusCode >= 500) {
        return apiError(context, `The Dental Referrals API failed (HTTP ${statusCode})${message ? `: ${message}` : ''}`, 'This is a failure on the API side. Retry On Fail in the node settings retries it.', statusCode);
    }
    if (statusCode < 200 || statusCode >= 300) {
        return apiError(context, `The Dental Referrals API answered HTTP ${statusCode}${message ? `: ${message}` : ''}`, undefined, statusCode);
    }
    // HTTP 200 with {"status":"error"}: the API's way of refusing some calls.
    return apiError(context, message ?? 'The Dental Referrals API answered with status "error"', 'The API answered HTTP 200 with status "error".', statusCode);
}
/**
 * An answer that breaks the documented shape: the node stops rather than guessing (a missing
 * fileupload_id would otherwise become fileupload/NaN/add_file, sent with the key).
 */
function malformedAnswer(context, method, expectation, found) {
    return apiError(context, `The Dental Referrals API answered ${method} without ${expectation}`, `It sent ${found} there. The answer does not have the shape the API documentation gives, so nothing more was sent for this item. Retry On Fail retries the call; if it persists, report it to the API administrators.`);
}
/**
 * A document URL that answered 200 with something other than a PDF: a sign-in page, a JSON
 * error, an empty body. Only the content type and the kind of the first bytes are named, never
 * the body itself.
 */
function notPdfFailure(context, document, contentType, kind, apiText) {
    const type = contentType.trim() === '' ? 'none' : contentType.trim().slice(0, 100);
    return apiError(context, `${document} is not a PDF: the API at ${context.host} answered HTTP 200 with ${kind} (content type ${type})`, apiText ??
        'A PDF starts with %PDF-. An HTML sign-in page or a JSON error usually means the key was not accepted for documents; check the credential and the document URL.', 200);
}
const NETWORK_CAUSES = {
    ECONNREFUSED: 'the connection was refused',
    ECONNRESET: 'the connection was closed before the answer was complete',
    EPIPE: 'the connection was closed while sending',
    ENOTFOUND: 'the host name could not be resolved',
    EAI_AGAIN: 'the host name could not be resolved',
    EHOSTUNREACH: 'the host is unreachable',
    ETIMEDOUT: 'no answer in time',
    ECONNABORTED: 'no answer in time',
    ERR_BAD_RESPONSE: 'the answer was malformed',
    ERR_CANCELED: 'the execution was cancelled',
};
function errorCode(error) {
    for (let current = error, depth = 0; current && depth < 5; depth++) {
        const code = current.code;
        if (typeof code === 'string' && code !== '')
            return code;
        current = current.cause;
    }
    return undefined;
}
function errorText(error) {
    const parts = [];
    for (let current = error, depth = 0; current && depth < 5; depth++) {
        const message = current.message;
        if (typeof message === 'string')
            parts.push(message);
        current = current.cause;
    }
    return parts.join(' ');
}
/** A request that got no usable HTTP answer: refused, reset, timed out, cut short. */
function networkFailure(context, error, timeoutMs) {
    const code = errorCode(error) ?? '';
    const text = errorText(error);
    const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(text);
    const cutShort = /aborted|socket hang up|terminated|premature close/i.test(text);
    const cause = timedOut
        ? `no answer within ${Number((timeoutMs / 1000).toFixed(3))} s`
        : cutShort
            ? NETWORK_CAUSES.ECONNRESET
            : (NETWORK_CAUSES[code] ?? 'a network error');
    // The code goes in the description: n8n replaces any message that names one with generic text.
    return apiError(context, `Could not reach the Dental Referrals API at ${context.host}: ${cause}`, `${code ? `Network error ${code}. ` : ''}${timedOut
        ? 'Retry On Fail in the node settings retries the call; the Timeout option sets how long to wait.'
        : 'Check that the API is reachable from n8n. Retry On Fail in the node settings retries the call.'}`);
}
//# sourceMappingURL=errors.js.map