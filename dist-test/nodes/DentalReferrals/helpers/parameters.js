"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PTGUID_PATTERN = void 0;
exports.kindOf = kindOf;
exports.describeValue = describeValue;
exports.toNumber = toNumber;
exports.toText = toText;
exports.toFlag = toFlag;
exports.nodeParameter = nodeParameter;
exports.numberParameter = numberParameter;
exports.textParameter = textParameter;
exports.wholeNumberParameter = wholeNumberParameter;
exports.urnParameter = urnParameter;
const notification_1 = require("../../shared/notification");
const input_error_1 = require("./input-error");
const node_of_1 = require("../../shared/node-of");
/**
 * Parameters often come from expressions, so they can hold any JSON value. These readers
 * accept only what the field means and refuse the rest naming the field and the item —
 * never coercing (true is not 1, [5] is not 5) and never calling String()/Number() on an
 * object, which throws for data such as {"toString": "x"}.
 */
function kindOf(value) {
    if (value === undefined || value === null)
        return 'nothing';
    if (Array.isArray(value))
        return 'an array';
    if (value instanceof Date)
        return 'a date';
    if (typeof value === 'object')
        return 'an object';
    if (typeof value === 'boolean')
        return 'a boolean';
    if (typeof value === 'number')
        return 'a number';
    return 'text';
}
/** A value as an error message shows it: text quoted (cut at 40 characters), anything else by kind. */
function describeValue(value) {
    return typeof value === 'string' ? `"${value.slice(0, 40)}"` : kindOf(value);
}
function toNumber(node, itemIndex, field, value) {
    if (typeof value === 'number' && Number.isFinite(value))
        return value;
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value.trim()))) {
        return Number(value.trim());
    }
    throw (0, input_error_1.inputError)(node, itemIndex, field, `expected a number, got ${describeValue(value)}`);
}
function toText(node, itemIndex, field, value) {
    if (value === undefined || value === null)
        return '';
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' && Number.isFinite(value))
        return String(value);
    throw (0, input_error_1.inputError)(node, itemIndex, field, `expected text, got ${kindOf(value)}`);
}
const FLAG_TEXT = { '1': '1', '0': '0', true: '1', false: '0' };
/**
 * A switch the API documents as "Numeric, one of 0, 1" (permission_sms, urgent,
 * medical_forms_as_single_file), as '1' or '0'. From expressions it arrives as a boolean, as the
 * API's own 1 / 0, or as text from a spreadsheet or practice system ("1", " TRUE "); anything
 * else is refused rather than guessed.
 */
function toFlag(node, itemIndex, field, value) {
    if (typeof value === 'boolean')
        return value ? '1' : '0';
    if (value === 1 || value === 0)
        return value === 1 ? '1' : '0';
    const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
    if (text !== undefined && Object.prototype.hasOwnProperty.call(FLAG_TEXT, text))
        return FLAG_TEXT[text];
    throw (0, input_error_1.inputError)(node, itemIndex, field, `expected true, false, 1 or 0, got ${describeValue(value)}`);
}
// Per node run: parameters whose stored value holds no expression, read once. Such a value is
// the same for every item, and n8n's getNodeParameter (which copies, resolves and validates
// it) would otherwise run for each item again.
const constants = new WeakMap();
function hasExpression(value) {
    if (typeof value === 'string')
        return value.startsWith('=');
    if (Array.isArray(value))
        return value.some(hasExpression);
    if (value && typeof value === 'object')
        return Object.values(value).some(hasExpression);
    return false;
}
/** this.getNodeParameter(name, itemIndex, fallback), read once per run when it holds no expression. */
function nodeParameter(name, itemIndex, fallback) {
    let cache = constants.get(this);
    if (!cache) {
        cache = new Map();
        constants.set(this, cache);
    }
    if (cache.has(name))
        return cache.get(name);
    const value = this.getNodeParameter(name, itemIndex, fallback);
    let stored = (0, node_of_1.nodeOf)(this).parameters;
    for (const key of name.split('.'))
        stored = stored?.[key];
    if (!hasExpression(stored))
        cache.set(name, value);
    return value;
}
function numberParameter(name, itemIndex, field, fallback) {
    return toNumber((0, node_of_1.nodeOf)(this), itemIndex, field, nodeParameter.call(this, name, itemIndex, fallback));
}
/** A text parameter, trimmed. */
function textParameter(name, itemIndex, field, fallback = '') {
    return toText((0, node_of_1.nodeOf)(this), itemIndex, field, nodeParameter.call(this, name, itemIndex, fallback)).trim();
}
/** A whole number within bounds, e.g. Limit or File Upload ID. */
function wholeNumberParameter(name, itemIndex, field, bounds) {
    const value = numberParameter.call(this, name, itemIndex, field, bounds.fallback);
    if (!Number.isInteger(value) || value < bounds.min || value > bounds.max) {
        const range = bounds.max === Number.MAX_SAFE_INTEGER
            ? `a whole number of at least ${bounds.min}`
            : `a whole number from ${bounds.min} to ${bounds.max}`;
        throw (0, input_error_1.inputError)((0, node_of_1.nodeOf)(this), itemIndex, field, `must be ${range}, got ${value}`);
    }
    return value;
}
// A PTGUID is Base64 of the API key and the patient identifier.
exports.PTGUID_PATTERN = /^[A-Za-z0-9+/=_-]{1,512}$/;
/** The URN parameter of item `itemIndex`, required and shaped like a URN. */
function urnParameter(itemIndex) {
    const urn = textParameter.call(this, 'urn', itemIndex, 'URN');
    if (urn === '')
        throw (0, input_error_1.inputError)((0, node_of_1.nodeOf)(this), itemIndex, 'URN', 'is required');
    if (!notification_1.URN_PATTERN.test(urn)) {
        throw (0, input_error_1.inputError)((0, node_of_1.nodeOf)(this), itemIndex, 'URN', `"${urn.slice(0, 40)}" is not a referral URN such as TST0000001`);
    }
    return urn;
}
//# sourceMappingURL=parameters.js.map