"use strict";
/**
 * The fuzz oracle: what the node must do with a parameter value, written from the vendor's
 * documentation (../shared/seed/dental-referrals-api-v2.txt, "the docs") and, where the
 * package deliberately goes further, from the rule the README states — never from the node's
 * code. Each rule cites its source. A verdict is one of:
 * - `valid`: the node must accept the value and send exactly `sent` (undefined: not sent);
 * - `invalid`: the node must refuse the item before sending, naming this field;
 * - `open`: neither text settles it; the node may refuse (naming this field) or send one of
 *   `alternatives` (undefined among them: not sending the parameter).
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.SYSTEM_TYPES = exports.GENDERS = exports.TITLES = void 0;
exports.satisfies = satisfies;
exports.onTheWire = onTheWire;
exports.textOf = textOf;
exports.numberOf = numberOf;
exports.jsonTypeWord = jsonTypeWord;
exports.freeText = freeText;
exports.choice = choice;
exports.flag = flag;
exports.nhsNumber = nhsNumber;
exports.callbackUrl = callbackUrl;
exports.calendarDate = calendarDate;
exports.dateVerdict = dateVerdict;
exports.formType = formType;
exports.urnVerdict = urnVerdict;
exports.ptguidVerdict = ptguidVerdict;
const valid = (sent) => ({ status: 'valid', sent });
const invalid = { status: 'invalid' };
const open = (alternatives) => ({
    status: 'open',
    alternatives,
});
/** Does `sent` satisfy `verdict` (for an item that was sent)? */
function satisfies(verdict, sent) {
    if (verdict.status === 'valid')
        return verdict.sent === sent;
    if (verdict.status === 'invalid')
        return false;
    return typeof verdict.alternatives === 'function'
        ? verdict.alternatives(sent)
        : verdict.alternatives.includes(sent);
}
/**
 * Form bodies are text: a lone UTF-16 surrogate cannot be encoded and becomes U+FFFD on the
 * wire (the WHATWG URL standard's encoding, and what the sandbox decodes).
 */
function onTheWire(text) {
    return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
/**
 * README ("Parameters that come from expressions are checked for their type too: an object,
 * array or boolean where text or a number belongs is refused naming the field"): a text
 * parameter reads nothing (null / missing) as empty, text as itself, a number as its decimal
 * text; anything else is refused.
 */
function textOf(value) {
    if (value === undefined || value === null)
        return '';
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' && Number.isFinite(value))
        return String(value);
    return false;
}
/** README, same rule: a number parameter takes a number or numeric text; anything else is refused. */
function numberOf(value) {
    if (typeof value === 'number')
        return Number.isFinite(value) ? value : false;
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value.trim()))) {
        return Number(value.trim());
    }
    return false;
}
/** The type of a wrongly typed value, as a refusal must mention it ("... got an array"). */
function jsonTypeWord(value) {
    if (value === undefined || value === null)
        return 'nothing';
    if (Array.isArray(value))
        return 'array';
    if (value instanceof Date)
        return 'date';
    return typeof value === 'object' ? 'object' : typeof value;
}
/** README: "Empty fields are not sent." (Nothing, or empty text; white space alone is `open`.) */
const isEmpty = (value) => value === undefined || value === null || value === '';
const isBlank = (value) => typeof value === 'string' && value.trim() === '';
/** The verdict for an empty or blank optional parameter, or undefined if it has a value. */
const emptyVerdict = (value) => isEmpty(value) ? valid(undefined) : isBlank(value) ? open([undefined]) : undefined;
/**
 * Free text (names, identifiers...): the docs say "String"; README: empty fields are not sent.
 * Whether surrounding white space is kept is stated nowhere: either is fine.
 */
function freeText(value) {
    const text = textOf(value);
    if (text === false)
        return invalid;
    if (text === '')
        return valid(undefined);
    if (text.trim() === '')
        return open([undefined, onTheWire(text)]);
    if (text === text.trim())
        return valid(onTheWire(text));
    return open([onTheWire(text), onTheWire(text.trim())]);
}
/**
 * A documented choice (docs: title "Must be one of: Mr, Mrs, Miss, Master, Dr", gender "One of:
 * M, MALE, F, FEMALE", system_type "One of: WD, WT, PD, PC, DN, DT, SE"). README: "Title, gender
 * and system type accept any letter case and are sent as documented (mrs → Mrs)".
 */
function choice(value, choices) {
    const empty = emptyVerdict(value);
    if (empty)
        return empty;
    const text = textOf(value);
    if (text === false)
        return invalid;
    const exact = choices.find((entry) => entry.toLowerCase() === text.toLowerCase());
    if (exact)
        return valid(exact);
    // Surrounding white space is not addressed by either text.
    const trimmed = choices.find((entry) => entry.toLowerCase() === text.trim().toLowerCase());
    return trimmed ? open([trimmed]) : invalid;
}
exports.TITLES = ['Mr', 'Mrs', 'Miss', 'Master', 'Dr'];
exports.GENDERS = ['M', 'MALE', 'F', 'FEMALE'];
exports.SYSTEM_TYPES = ['WD', 'WT', 'PD', 'PC', 'DN', 'DT', 'SE'];
/**
 * The 0/1 switches permission_sms, urgent, medical_forms_as_single_file. Docs: "Numeric, One of:
 * 0, 1". README: booleans from the editor, and from expressions 1, 0, "1", "0", "true", "false"
 * (trimmed, true/false in any letter case), sent as 1/0; anything else refused naming the field.
 */
function flag(value) {
    if (typeof value === 'boolean')
        return valid(value ? '1' : '0');
    const empty = emptyVerdict(value);
    if (empty)
        return empty;
    let documented;
    if (value === 1 || value === 0)
        documented = value === 1 ? '1' : '0';
    if (typeof value === 'string') {
        const text = value.trim().toLowerCase();
        if (text === '1' || text === 'true')
            documented = '1';
        if (text === '0' || text === 'false')
            documented = '0';
    }
    if (documented === undefined)
        return invalid;
    return valid(documented);
}
/**
 * nhs_number: docs "Numeric"; README: "NHS numbers lose spaces and hyphens". Digits with spaces
 * or hyphens are sent as the digits; anything else with a character that is not a digit is refused.
 */
function nhsNumber(value) {
    const empty = emptyVerdict(value);
    if (empty)
        return empty;
    const text = textOf(value);
    if (text === false)
        return invalid;
    const digits = text.replace(/[ -]/g, '');
    if (/^[0-9]+$/.test(digits))
        return valid(digits);
    // Other white space (tabs, line breaks) around or inside: not addressed.
    const loose = text.replace(/[\s-]/g, '');
    return /^[0-9]+$/.test(loose) ? open([loose]) : invalid;
}
/**
 * files_ready_webhook_url: docs "A callback URL to trigger" (the API POSTs to it): an absolute
 * http(s) URL, sent as that URL (any equivalent spelling); anything else is refused.
 */
function callbackUrl(value) {
    const empty = emptyVerdict(value);
    if (empty)
        return empty;
    const text = textOf(value);
    if (text === false)
        return invalid;
    let url;
    try {
        url = new URL(text.trim());
    }
    catch {
        return invalid;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return invalid;
    return open((sent) => {
        try {
            return sent !== undefined && new URL(sent).href === url.href;
        }
        catch {
            return false;
        }
    });
}
const pad = (n, width = 2) => String(n).padStart(width, '0');
/** A real calendar date in the README's range ("years outside 1900–2999 are refused"), as DD/MM/YYYY. */
function calendarDate(year, month, day) {
    if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1)
        return false;
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    return day <= days ? `${pad(day)}/${pad(month)}/${pad(year, 4)}` : false;
}
const DOCUMENTED_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;
const OTHER_DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})[T ]/;
const isDdMmYyyy = (sent) => {
    const match = sent === undefined ? null : DOCUMENTED_DATE.exec(sent);
    return Boolean(match && calendarDate(Number(match[3]), Number(match[2]), Number(match[1])));
};
/**
 * patient_dob / Upload-Date. Docs: "DD/MM/YYYY" (patient_dob required). README: "DD/MM/YYYY,
 * an ISO date (1980-01-31, time and offset ignored) or a date from an expression ({{ $now }});
 * always sent as DD/MM/YYYY. Impossible dates (31/02) are refused", "ISO inputs are read as
 * written, not shifted through a time zone; years outside 1900–2999 are refused".
 * `mode`: how the test's expression hands the value over — 0 as is, 1 a JS Date, 2 a Luxon
 * DateTime (fromISO in UTC).
 */
function dateVerdict(value, mode) {
    if (mode === 1) {
        // A JS Date is an instant: its calendar date is the UTC or the local one (not addressed).
        const date = new Date(String(value));
        if (Number.isNaN(date.getTime()))
            return invalid;
        const utc = calendarDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
        const local = calendarDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
        if (!utc && !local)
            return invalid;
        return open([utc || undefined, local || undefined].filter((entry) => entry !== undefined));
    }
    if (mode === 2) {
        // Luxon parses the ISO text as written (UTC zone): an impossible date is an invalid DateTime.
        const text = String(value);
        const match = ISO_DATE.exec(text) ?? ISO_DATE_TIME.exec(text);
        if (!match)
            return /^[+-]\d{6}-/.test(text) || !/^\d{4}-/.test(text) ? invalid : open(isDdMmYyyy);
        const date = calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
        return date ? valid(date) : invalid;
    }
    if (value === undefined || value === null)
        return invalid; // required
    if (typeof value !== 'string') {
        // README: an object, array or boolean where a value belongs is refused; a bare number is not a documented date.
        return typeof value === 'number' ? open(isDdMmYyyy) : invalid;
    }
    if (value.trim() === '')
        return invalid;
    const verdictFor = (text, exact) => {
        const documented = DOCUMENTED_DATE.exec(text);
        if (documented) {
            const date = calendarDate(Number(documented[3]), Number(documented[2]), Number(documented[1]));
            return date ? (exact ? valid(date) : open([date])) : invalid;
        }
        const iso = ISO_DATE.exec(text) ?? ISO_DATE_TIME.exec(text);
        if (iso) {
            const date = calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
            const hour = iso[4] === undefined || Number(iso[4]) < 24;
            const minute = iso[5] === undefined || Number(iso[5]) < 60;
            if (!date)
                return invalid;
            return exact && hour && minute ? valid(date) : open([date]);
        }
        // Day first with other separators or without zero padding: not documented, not excluded;
        // if accepted, read day first as the documented format is. Impossible dates are refused.
        const dayFirst = OTHER_DAY_FIRST.exec(text);
        if (dayFirst) {
            const date = calendarDate(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
            return date ? open([date]) : invalid;
        }
        // An ISO date with a time the README does not describe ("time ignored"): if accepted, that date.
        const prefix = ISO_DATE_PREFIX.exec(text);
        if (prefix) {
            const date = calendarDate(Number(prefix[1]), Number(prefix[2]), Number(prefix[3]));
            return date ? open([date]) : invalid;
        }
        return undefined;
    };
    const exact = verdictFor(value, true);
    if (exact)
        return exact;
    // Surrounding white space is not addressed: judged on the trimmed text, never more than open.
    const trimmed = value.trim() === value ? undefined : verdictFor(value.trim(), false);
    if (trimmed)
        return trimmed;
    // Anything else (words, two-digit years, other orders): not a documented date. If the node
    // accepts it, it must at least send a real DD/MM/YYYY date.
    return open(isDdMmYyyy);
}
/**
 * form_type: docs "Required* ... Must be one of the types returned by Available Forms ... If
 * you are passing system_type=SE then this parameter is optional" — for Prepare Form only
 * ("This does not apply to the Save Draft API method"). Whether the node or the API refuses a
 * type the key does not have is not settled (the README's dropdown also takes expressions), so
 * a non-empty text is sent; white space alone is no form type.
 */
function formType(value, optional) {
    const text = textOf(value);
    if (text === false)
        return invalid;
    if (text.trim() === '')
        return optional ? open([undefined]) : invalid;
    return text === text.trim() ? valid(onTheWire(text)) : open([onTheWire(text), onTheWire(text.trim())]);
}
/**
 * A referral URN: docs "Unique 10-symbol identifier of the referral" (example TST0000001).
 * Text only, required. Ten letters or digits must be accepted as written; other shapes are not
 * addressed (the node may refuse them, naming URN, or send the trimmed text for the API to 404).
 */
function urnVerdict(value) {
    const text = textOf(value);
    if (text === false || text.trim() === '')
        return invalid;
    return /^[A-Za-z0-9]{10}$/.test(text) ? valid(text) : open([text.trim()]);
}
/**
 * A PTGUID: docs "created as a Base64 of an API key and patient_identifier" (example
 * NDJhNDJhNTJlOTZmOTE5YTdmYTc=). Text only, required. Standard Base64 (whole 4-character
 * groups, '=' padding) must be accepted and arrive exactly (it holds '+', '/' and '=', so it
 * must be URL-encoded); other shapes are not addressed, nor is a maximum length (the example has
 * 28 characters: Base64 of a key and an identifier of any reasonable length, up to 100 characters,
 * must be accepted; longer ones are open).
 */
function ptguidVerdict(value) {
    const text = textOf(value);
    if (text === false || text.trim() === '')
        return invalid;
    return text.length <= 100 &&
        /^(?:[A-Za-z0-9+/]{4})+$|^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)$/.test(text)
        ? valid(text)
        : open([text.trim()]);
}
//# sourceMappingURL=oracle.js.map