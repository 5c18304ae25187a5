"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.timeoutValue = exports.fileName = exports.mimeType = exports.numberLike = exports.dateExpression = exports.taggedDate = exports.anyValue = exports.hugeString = exports.nastyString = void 0;
exports.asDelivered = asDelivered;
exports.mostlyHostile = mostlyHostile;
exports.refusalBiased = refusalBiased;
const fast_check_1 = __importDefault(require("fast-check"));
/**
 * Generators of hostile parameter values, as they reach a node from an expression
 * (`={{ $json.x }}`): anything JSON can carry. Values go through JSON (the harness Start node
 * emits items from JSON), so NaN/Infinity arrive as null and undefined as a missing key;
 * `asDelivered` gives the value exactly as the node will see it.
 */
function asDelivered(value) {
    // Strings, booleans and finite non-zero numbers survive JSON unchanged (a cheap path: the
    // verdicts call this for every input, and some inputs are tens of kilobytes long).
    if (typeof value === 'string' || typeof value === 'boolean')
        return value;
    if (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0))
        return value;
    return value === undefined ? value : JSON.parse(JSON.stringify({ v: value })).v;
}
const CONTROL = fast_check_1.default.constantFrom('\u0000', '\u0001', '\b', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u00a0', '\u2028', '\u2029', '\u200b', '\u200e', '\u202e', '\ufeff', '\ud800', '\udfff', '\ufffd', '\uffff');
const EXOTIC = fast_check_1.default.constantFrom('é', 'ß', 'Ω', 'Ж', 'ع', '中', '😀', '👩‍⚕️', 'Z͑ͫ̓ͪ̂ͫ̽͏̴̙̤̞͉͚̯̞̠͍', '%', '%zz', '+', '=', '&', '#', '?', '/', '\\', '"', "'", '<', '>');
/** Text with unicode, control characters, lone surrogates and URL/markup metacharacters. */
exports.nastyString = fast_check_1.default
    .array(fast_check_1.default.oneof({ weight: 3, arbitrary: fast_check_1.default.string({ maxLength: 8 }) }, { weight: 2, arbitrary: fast_check_1.default.string({ unit: 'binary', maxLength: 4 }) }, { weight: 2, arbitrary: CONTROL }, { weight: 2, arbitrary: EXOTIC }), { maxLength: 6 })
    .map((parts) => parts.join(''));
/** A huge string (up to 20 000 characters), mostly one repeated chunk so generation stays cheap. */
exports.hugeString = fast_check_1.default
    .tuple(exports.nastyString, fast_check_1.default.integer({ min: 1_000, max: 20_000 }))
    .map(([chunk, length]) => (chunk || 'x').repeat(Math.ceil(length / Math.max(1, (chunk || 'x').length))).slice(0, length));
/** Any value an expression may produce, for a parameter of any type. */
exports.anyValue = fast_check_1.default.oneof({ weight: 8, arbitrary: exports.nastyString }, { weight: 1, arbitrary: exports.hugeString }, { weight: 2, arbitrary: fast_check_1.default.integer() }, { weight: 2, arbitrary: fast_check_1.default.double() }, { weight: 1, arbitrary: fast_check_1.default.constantFrom(0, -0, 1, -1, Number.MAX_SAFE_INTEGER + 2, 2 ** 53, 1e21, -1e21) }, { weight: 2, arbitrary: fast_check_1.default.boolean() }, { weight: 2, arbitrary: fast_check_1.default.constantFrom(null, undefined) }, { weight: 1, arbitrary: fast_check_1.default.array(fast_check_1.default.oneof(fast_check_1.default.integer(), fast_check_1.default.string({ maxLength: 4 })), { maxLength: 3 }) }, 
// Objects from JSON, including ones whose toString/valueOf are data: String()/Number()
// of {"toString": "x"} throws, so a node must refuse them by type, never coerce them.
{ weight: 1, arbitrary: fast_check_1.default.object({ maxDepth: 1, maxKeys: 3 }) }, {
    weight: 1,
    arbitrary: fast_check_1.default.constantFrom({ toString: 'x' }, { valueOf: 1 }, { toString: null, valueOf: null }, {}, [], [5], ['TST0000001'], [[]]),
}, {
    weight: 1,
    arbitrary: fast_check_1.default.constantFrom('[object Object]', 'null', 'undefined', 'true', '0', '={{ 1 }}', '{{ $json }}'),
});
/** A value that is either well-formed (from `valid`) or hostile (anything). */
function mostlyHostile(valid, validWeight = 1, hostileWeight = 3) {
    return fast_check_1.default.oneof({ weight: validWeight, arbitrary: valid }, { weight: hostileWeight, arbitrary: exports.anyValue });
}
const pad = (n, width = 2) => String(n).padStart(width, '0');
const calendarDay = fast_check_1.default
    .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2999, 11, 31)), noInvalidDate: true })
    .map((date) => ({ y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() }));
/** Dates in every format the node accepts, impossible ones, and garbage. */
exports.taggedDate = fast_check_1.default.oneof(
// DD/MM/YYYY with any of the separators and with or without zero padding.
fast_check_1.default
    .tuple(calendarDay, fast_check_1.default.constantFrom('/', '.', '-'), fast_check_1.default.boolean(), fast_check_1.default.constantFrom('', ' ', '\t', '\n '))
    .map(([{ y, m, d }, sep, padded, space]) => ({
    value: `${space}${padded ? pad(d) : d}${sep}${padded ? pad(m) : m}${sep}${y}${space}`,
    mode: 0,
    expect: `${pad(d)}/${pad(m)}/${y}`,
})), 
// ISO dates and date-times: the calendar date as written, whatever the offset.
fast_check_1.default
    .tuple(calendarDay, fast_check_1.default.constantFrom('', 'T00:00:00Z', 'T23:59:59.999+14:00', ' 12:00', 'T00:30:00-12:00', 'T05:00:00.000Z'))
    .map(([{ y, m, d }, time]) => ({
    value: `${y}-${pad(m)}-${pad(d)}${time}`,
    mode: 0,
    expect: `${pad(d)}/${pad(m)}/${y}`,
})), 
// Impossible dates, in both formats.
fast_check_1.default
    .tuple(fast_check_1.default.constantFrom([31, 2, 2001], [30, 2, 2000], [29, 2, 1900], [29, 2, 2100], [31, 4, 1999], [31, 6, 2020], [31, 9, 2020], [31, 11, 2020], [0, 1, 2000], [32, 1, 2000], [1, 0, 2000], [1, 13, 2000], [99, 99, 2000], [1, 1, 1899], [31, 12, 1899], [1, 1, 3000], [1, 1, 9999], [1, 1, 1000]), fast_check_1.default.boolean())
    .map(([[d, m, y], iso]) => ({
    value: iso ? `${pad(y, 4)}-${pad(m)}-${pad(d)}` : `${pad(d)}/${pad(m)}/${pad(y, 4)}`,
    mode: 0,
    expect: false,
})), 
// Near misses: two-digit years, American order with a day > 12, words, stray characters.
fast_check_1.default
    .constantFrom('31/01/16', '01/31/2016', '2016/01/31', '2016-1-31', '31 Jan 2016', 'January 31, 2016', '31/01/2016x', '31//01/2016', '３１/０１/２０１６', '2016-01-31T', '2016-01-31T25:99', '20160131', '1454198400000', '', '   ')
    .map((value) => ({
    value,
    mode: 0,
    expect: value.trim() === '' ? false : undefined,
})), 
// Dates from expressions: a JS Date or a Luxon DateTime.
fast_check_1.default.tuple(calendarDay, fast_check_1.default.constantFrom(1, 2)).map(([{ y, m, d }, mode]) => ({
    value: `${y}-${pad(m)}-${pad(d)}${mode === 1 ? 'T12:00:00Z' : ''}`,
    mode,
    expect: `${pad(d)}/${pad(m)}/${y}`,
})), fast_check_1.default
    .constantFrom('not a date', '2016-02-31', '', '1800-01-01T00:00:00Z', '+275760-09-13T00:00:00Z')
    .chain((value) => fast_check_1.default.constantFrom(1, 2).map((mode) => ({ value, mode, expect: false }))), 
// Anything else at all.
exports.anyValue.map((value) => ({ value, mode: 0 })));
/** The expression that turns a tagged date's `value` into what the node reads. */
const dateExpression = (field) => `={{ $json.${field}.mode === 1 ? new Date($json.${field}.value) : $json.${field}.mode === 2 ? DateTime.fromISO($json.${field}.value, { zone: "utc" }) : $json.${field}.value }}`;
exports.dateExpression = dateExpression;
/** Numbers for Limit / IDs / Timeout: in range, at the edges, out of range, and wrongly typed. */
exports.numberLike = fast_check_1.default.oneof(fast_check_1.default.integer({ min: -5, max: 130 }), fast_check_1.default.integer({ min: 1, max: 100 }).map(String), fast_check_1.default.integer({ min: 1, max: 100 }).map((n) => ` ${n} `), fast_check_1.default.double({ min: -1e3, max: 1e3 }), fast_check_1.default.constantFrom(0, -0, 100, 101, 1.5, 99.999, 1e-9, 2 ** 31, 2 ** 53 + 1, '1e2', '0x10', '', '  ', 'ten', '1,000'), exports.anyValue);
/** MIME types: supported ones in odd spellings, unsupported ones, and garbage. */
exports.mimeType = fast_check_1.default.oneof(fast_check_1.default.constantFrom('image/jpeg', 'IMAGE/JPEG', 'image/png; charset=binary', '  application/pdf  ', 'application/octet-stream', '', 'text/html', 'image/svg+xml', 'application/x-msdownload', 'image/jpeg\r\nX-Injected: 1', 'application/pdf\u0000', 'image/', '/', ';', 'text/rtf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'), fast_check_1.default.constantFrom(undefined, null, 42, true), exports.nastyString);
/** File names: ordinary, with paths, CR/LF, quotes, unicode, empty, huge, missing. */
exports.fileName = fast_check_1.default.oneof(fast_check_1.default.constantFrom('x-ray.jpg', 'RÖNTGEN.PNG', 'scan.pdf', 'letter.docx', 'noextension', '.jpg', 'a.b.c.tiff', '../../etc/passwd.pdf', 'C:\\Windows\\evil.bmp', 'quote".jpg', 'line\r\nbreak.pdf', 'Content-Type: text/html.jpg', '😀.png', ''), fast_check_1.default.constantFrom(undefined, null, 7), fast_check_1.default
    .tuple(exports.nastyString, fast_check_1.default.constantFrom('.jpg', '.pdf', '.exe', '.PNG', '', '.rtf'))
    .map(([base, ext]) => base + ext), exports.hugeString.map((name) => `${name.slice(0, 5000)}.pdf`));
/**
 * Mostly hostile: `valid` only once in `1 + hostileWeight` draws. Refusals are the cheap path
 * (no request), so a run of 10 000 inputs stays fast while a few hundred still reach the sandbox.
 */
function refusalBiased(valid, hostile, hostileWeight) {
    return fast_check_1.default.oneof({ weight: 1, arbitrary: valid }, { weight: hostileWeight, arbitrary: hostile });
}
/** Timeouts: valid ones (≥ 1 s, so loopback always answers in time), edges just outside, garbage. */
exports.timeoutValue = refusalBiased(fast_check_1.default.oneof(fast_check_1.default.integer({ min: 1, max: 2_147_483 }), fast_check_1.default.double({ min: 1, max: 2_147_483, noNaN: true }), fast_check_1.default.constantFrom(60, ' 60 ', '2147483', 2_147_483, '1.5')), fast_check_1.default.oneof(fast_check_1.default.constantFrom(0, -0, -1, 0.0009, 2_147_483.001, 2_147_484, 3_000_000, 1e21, -1e-9, '0', '', ' ', 'ten', '60s'), fast_check_1.default.double({ min: -1e9, max: 0.000999, noNaN: true }), fast_check_1.default.double({ min: 2_147_483.01, max: 1e300, noNaN: true }), exports.anyValue.filter((value) => typeof value !== 'number')), 20);
//# sourceMappingURL=arbitraries.js.map