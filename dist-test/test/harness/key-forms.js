"use strict";
/**
 * The one helper every key-leak scan uses: a secret is searched for not only as written but in
 * the encodings a leak typically takes — Base64 (standard and URL-safe, at any alignment inside a
 * longer Base64 text, e.g. Base64 of key + patient identifier) and URL encoding (percent-encoded
 * characters, form encoding, upper- and lower-case hex).
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.keyForms = keyForms;
exports.findKey = findKey;
exports.assertKeyAbsent = assertKeyAbsent;
/**
 * The Base64 characters that depend only on `bytes` when they are embedded in a longer byte
 * string at offset `offset` (mod 3): whole 3-byte groups of the secret, so the fragment appears
 * in the Base64 of ANY text that contains the secret at such an offset.
 */
function base64Fragment(bytes, offset) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const start = offset === 0 ? 0 : 4;
    const end = Math.floor((offset + bytes.length) / 3) * 4;
    return encoded.slice(start, end);
}
const toUrlSafe = (base64) => base64.replace(/\+/g, '-').replace(/\//g, '_');
/** Every byte percent-encoded (what some encoders do to every character). */
const percentEveryByte = (text) => Array.from(Buffer.from(text, 'utf8'), (byte) => `%${byte.toString(16).padStart(2, '0').toUpperCase()}`).join('');
/** The forms of `secret` to search for (deduplicated; fragments shorter than 8 characters are dropped). */
function keyForms(secret) {
    if (!secret)
        return [];
    const bytes = Buffer.from(secret, 'utf8');
    const forms = [{ form: 'plain', value: secret }];
    for (const offset of [0, 1, 2]) {
        const fragment = base64Fragment(bytes, offset);
        if (fragment.length < 8)
            continue;
        forms.push({ form: 'base64', value: fragment });
        forms.push({ form: 'base64url', value: toUrlSafe(fragment) });
        // Base64 text that was itself URL-encoded (a PTGUID in a query string).
        forms.push({ form: 'base64', value: encodeURIComponent(fragment) });
    }
    forms.push({ form: 'base64', value: bytes.toString('base64') });
    forms.push({ form: 'url-encoded', value: encodeURIComponent(secret) });
    forms.push({ form: 'url-encoded', value: new URLSearchParams({ k: secret }).toString().slice(2) });
    forms.push({ form: 'url-encoded', value: percentEveryByte(secret) });
    const seen = new Set();
    return forms.filter((entry) => !seen.has(entry.value) && seen.add(entry.value));
}
/**
 * The forms of `secret` that occur in `text` (empty: none). Plain and URL-encoded forms are
 * matched ignoring letter case (hex keys and percent escapes survive upper-casing); Base64 is
 * case-sensitive by nature.
 */
function findKey(text, secret) {
    if (!secret || !text)
        return [];
    const lower = text.toLowerCase();
    const found = new Set();
    for (const { form, value } of keyForms(secret)) {
        const hit = form === 'plain' || form === 'url-encoded' ? lower.includes(value.toLowerCase()) : text.includes(value);
        if (hit)
            found.add(form);
    }
    return [...found];
}
/** Throws (naming the forms, never the secret) if `secret` appears in `text` in any form. */
function assertKeyAbsent(text, secret, where = 'the text') {
    const forms = findKey(text, secret);
    if (forms.length)
        throw new Error(`The API key appears in ${where} (${forms.join(', ')})`);
}
//# sourceMappingURL=key-forms.js.map