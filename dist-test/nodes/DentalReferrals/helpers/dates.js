"use strict";
/**
 * The API takes dates as DD/MM/YYYY. Users hand us DD/MM/YYYY strings, ISO dates or
 * date-times, JS Dates and Luxon DateTimes (what n8n expressions like {{ $now }} produce).
 * A date of birth or a radiograph date is a calendar date, so an ISO string is read as
 * written (its time and offset are ignored) rather than shifted into another time zone.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.toApiDate = toApiDate;
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
function isLuxonDateTime(value) {
    return typeof value.toISODate === 'function';
}
function calendarDate(year, month, day) {
    if (year < 1900 || year > 2999)
        return { ok: false, problem: `year ${year} is out of range` };
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
        return { ok: false, problem: 'no such calendar date' };
    }
    const dd = String(day).padStart(2, '0');
    const mm = String(month).padStart(2, '0');
    return { ok: true, value: `${dd}/${mm}/${year}` };
}
function toApiDate(value) {
    if (value instanceof Date) {
        if (Number.isNaN(value.getTime()))
            return { ok: false, problem: 'invalid date' };
        return calendarDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    }
    if (value && typeof value === 'object' && isLuxonDateTime(value)) {
        const iso = value.isValid ? value.toISODate() : null;
        return iso ? toApiDate(iso) : { ok: false, problem: 'invalid date' };
    }
    if (typeof value !== 'string')
        return { ok: false, problem: 'expected a date such as 31/01/2016 or 2016-01-31' };
    const text = value.trim();
    if (text === '')
        return { ok: false, problem: 'is empty' };
    const dayFirst = DAY_FIRST.exec(text);
    if (dayFirst)
        return calendarDate(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
    const iso = ISO.exec(text);
    if (iso)
        return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return { ok: false, problem: `"${text.slice(0, 40)}" is not a date in DD/MM/YYYY or YYYY-MM-DD form` };
}
//# sourceMappingURL=dates.js.map