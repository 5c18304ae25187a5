"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.URN_PATTERN = void 0;
exports.parseNotification = parseNotification;
const MAX_FILES = 100;
// The seed: a URN is a "unique 10-symbol identifier" (e.g. TST0000001); allow some slack.
exports.URN_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
function asObject(body) {
    if (typeof body === 'string' || Buffer.isBuffer(body)) {
        try {
            return asObject(JSON.parse(body.toString()));
        }
        catch {
            return undefined;
        }
    }
    return body && typeof body === 'object' && !Array.isArray(body)
        ? body
        : undefined;
}
function parseNotification(body) {
    const object = asObject(body);
    if (!object)
        return { ok: false, problem: 'the body must be a JSON object {"urn", "files"}' };
    const { urn, files } = object;
    if (typeof urn !== 'string' || !exports.URN_PATTERN.test(urn)) {
        return { ok: false, problem: '"urn" must be a referral URN such as TST0000001' };
    }
    if (!Array.isArray(files) || files.length > MAX_FILES) {
        return { ok: false, problem: `"files" must be an array of at most ${MAX_FILES} URLs` };
    }
    for (const [index, file] of files.entries()) {
        let url;
        try {
            url = typeof file === 'string' ? new URL(file) : undefined;
        }
        catch {
            url = undefined;
        }
        if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
            return { ok: false, problem: `"files[${index}]" must be an http(s) URL` };
        }
    }
    return { ok: true, notification: { urn, files: files } };
}
//# sourceMappingURL=notification.js.map