"use strict";
/**
 * The documented shape of every answer the nodes read a value from, checked in one place
 * (apiRequest applies it by endpoint). An answer that breaks it is an error, never a guess:
 * a prepare_fileupload answer without its id would otherwise become fileupload/NaN/add_file.
 *
 * Strict on what the nodes use (ids, URNs, URLs, arrays), lenient on descriptive fields: the
 * seed's own referral_status table says referral_name / referral_urn while its example says
 * referrer_name and omits referral_urn, so names and reasons are passed on as they come.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.answerProblem = answerProblem;
exports.kindOf = kindOf;
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value) => typeof value === 'string' && value.trim() !== '';
const isTextArray = (value) => Array.isArray(value) && value.every((entry) => typeof entry === 'string');
// "Numeric" in the seed; a JSON number or its digits, as long as it is a usable id.
const isNumericId = (value) => (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) ||
    (typeof value === 'string' && /^[1-9]\d{0,14}$/.test(value));
function isHttpUrl(value) {
    if (typeof value !== 'string')
        return false;
    try {
        return ['http:', 'https:'].includes(new URL(value).protocol);
    }
    catch {
        return false;
    }
}
/** Checks one field of an object answer; `where` names an entry of a list, e.g. " in referral_data[2]". */
function field(answer, name, test, expected, where = '') {
    const value = isObject(answer) ? answer[name] : undefined;
    return test(value)
        ? undefined
        : { expected: `${expected}${where}`, found: isObject(answer) ? value : answer };
}
const first = (...checks) => (answer) => {
    for (const check of checks) {
        const problem = check(answer);
        if (problem)
            return problem;
    }
    return undefined;
};
/** A referral as the status methods describe it; the URN is optional only in referral_status. */
function referralProblem(referral, urnRequired, index) {
    const where = index === undefined ? '' : ` in referral_data[${index}]`;
    if (index !== undefined && !isObject(referral)) {
        return { expected: `an object as referral_data[${index}]`, found: referral };
    }
    const hasUrn = isObject(referral) && referral.referral_urn !== undefined;
    const isString = (value) => typeof value === 'string';
    return first((answer) => urnRequired || hasUrn ? field(answer, 'referral_urn', isText, 'a referral_urn', where) : undefined, (answer) => field(answer, 'referral_status', isString, 'a referral_status', where), (answer) => field(answer, 'referral_files', isTextArray, 'a referral_files array of URLs', where))(referral);
}
function referralList(answer) {
    const data = isObject(answer) ? answer.referral_data : undefined;
    if (!Array.isArray(data))
        return field(answer, 'referral_data', Array.isArray, 'a referral_data array');
    for (const [index, referral] of data.entries()) {
        const problem = referralProblem(referral, true, index);
        if (problem)
            return problem;
    }
    return undefined;
}
const CHECKS = {
    available_forms: (answer) => Array.isArray(answer) && answer.every(isText)
        ? undefined
        : { expected: 'a JSON array of form type names', found: answer },
    prepare_form: first((answer) => field(answer, 'urn', isText, 'a urn'), (answer) => field(answer, 'prepared_form_url', isHttpUrl, 'an http(s) prepared_form_url')),
    save_draft: first((answer) => field(answer, 'draft_id', isNumericId, 'a numeric draft_id'), (answer) => field(answer, 'urn', isText, 'a urn')),
    prepare_fileupload: (answer) => field(answer, 'fileupload_id', isNumericId, 'a numeric fileupload_id'),
    referral_status: (answer) => referralProblem(answer, false),
    batch_referral_status: referralList,
    patient_referrals: referralList,
};
/** The problem with an API method's successful answer, or undefined when it has the documented shape. */
function answerProblem(endpoint, answer) {
    return Object.prototype.hasOwnProperty.call(CHECKS, endpoint) ? CHECKS[endpoint](answer) : undefined;
}
/** A value's kind for a message: never the value itself (it could be anything the server sent). */
function kindOf(value) {
    if (value === undefined)
        return 'nothing';
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'an object';
    if (typeof value === 'string')
        return value.trim() === '' ? 'empty text' : 'text';
    return `a ${typeof value}`;
}
//# sourceMappingURL=answers.js.map