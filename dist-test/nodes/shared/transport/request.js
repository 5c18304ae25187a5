"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_TIMEOUT_MS = void 0;
exports.send = send;
exports.bodyText = bodyText;
exports.interpretAnswer = interpretAnswer;
exports.apiRequest = apiRequest;
const DentalReferralsApi_credentials_1 = require("../../../credentials/DentalReferralsApi.credentials");
const api_root_1 = require("./api-root");
const answers_1 = require("./answers");
const errors_1 = require("./errors");
const multipart_1 = require("./multipart");
const node_of_1 = require("../node-of");
exports.DEFAULT_TIMEOUT_MS = 60_000;
/**
 * Sends a request with the credential's key. Redirects are never followed (the key must
 * not travel to another origin) and HTTP errors come back as answers, so that the caller
 * maps them itself; failures without an answer become key-free NodeApiErrors here.
 */
async function send(credential, options, failure, timeoutMs) {
    const { root, data } = credential;
    const credentialsDecrypted = { id: '', name: '', type: DentalReferralsApi_credentials_1.CREDENTIAL_TYPE, data };
    try {
        return (await this.helpers.httpRequestWithAuthentication.call(this, DentalReferralsApi_credentials_1.CREDENTIAL_TYPE, {
            ...options,
            timeout: timeoutMs,
            returnFullResponse: true,
            ignoreHttpStatusErrors: true,
            disableFollowRedirect: true,
            sendCredentialsOnCrossOriginRedirect: false,
            allowedDomains: root.hostname,
        }, { credentialsDecrypted }));
    }
    catch (error) {
        throw (0, errors_1.networkFailure)(failure, error, timeoutMs);
    }
}
function parseJson(text) {
    try {
        return { ok: true, value: JSON.parse(text) };
    }
    catch {
        return { ok: false };
    }
}
function bodyText(body) {
    if (typeof body === 'string')
        return body;
    if (Buffer.isBuffer(body))
        return body.toString('utf8');
    if (body === undefined || body === null)
        return '';
    return JSON.stringify(body);
}
/** Maps an answer to its JSON value, or throws the contract's error for it. */
function interpretAnswer(response, text, failure) {
    const parsed = parseJson(text);
    const status = response.statusCode;
    const location = response.headers?.location;
    if (status < 200 || status >= 300 || !parsed.ok) {
        throw (0, errors_1.httpFailure)(failure, status, parsed.ok ? parsed.value : undefined, parsed.ok, location);
    }
    const value = parsed.value;
    if (value && typeof value === 'object' && value.status === 'error') {
        throw (0, errors_1.httpFailure)(failure, status, value, true);
    }
    return value;
}
/**
 * Calls an API method and returns its JSON answer, checked against the documented shape
 * (answers.ts); every failure is a NodeApiError.
 */
async function apiRequest(call) {
    const credential = await api_root_1.apiCredential.call(this, call.itemIndex);
    const { root } = credential;
    const failure = {
        node: (0, node_of_1.nodeOf)(this),
        host: root.host,
        itemIndex: call.itemIndex,
        notFound: call.notFound,
    };
    const options = {
        method: call.method,
        baseURL: root.baseUrl,
        url: call.endpoint,
        qs: call.qs,
        headers: { Accept: 'application/json', ...call.headers },
        encoding: 'text',
        json: false,
    };
    if (call.form) {
        options.body = new URLSearchParams(call.form);
    }
    else if (call.file) {
        const multipart = (0, multipart_1.multipartBody)(call.file);
        options.body = multipart.body;
        options.headers = { ...options.headers, ...multipart.headers };
    }
    const timeoutMs = call.timeoutMs ?? exports.DEFAULT_TIMEOUT_MS;
    const response = await send.call(this, credential, options, failure, timeoutMs);
    const answer = interpretAnswer(response, bodyText(response.body), failure);
    const problem = (0, answers_1.answerProblem)(call.endpoint, answer);
    if (problem)
        throw (0, errors_1.malformedAnswer)(failure, call.endpoint, problem.expected, (0, answers_1.kindOf)(problem.found));
    return answer;
}
//# sourceMappingURL=request.js.map