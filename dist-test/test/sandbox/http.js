"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.send = send;
exports.sendJson = sendJson;
exports.sendError = sendError;
exports.sendHtml = sendHtml;
exports.mediaType = mediaType;
exports.parseCookies = parseCookies;
exports.firstValues = firstValues;
function send(ctx, status, body, headers = {}) {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    ctx.record.status = status;
    if (ctx.res.headersSent || ctx.res.destroyed)
        return;
    ctx.res.writeHead(status, { 'Content-Length': String(bytes.length), ...headers });
    ctx.res.end(bytes);
}
function sendJson(ctx, status, value, headers = {}) {
    send(ctx, status, JSON.stringify(value), { 'Content-Type': 'application/json; charset=utf-8', ...headers });
}
/** The documented error shape: {"status":"error","message":...}. */
function sendError(ctx, status, message) {
    sendJson(ctx, status, { status: 'error', message });
}
function sendHtml(ctx, status, html, headers = {}) {
    send(ctx, status, html, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
}
/** Content type without parameters, lower-cased. */
function mediaType(contentType) {
    return contentType?.split(';')[0].trim().toLowerCase() || undefined;
}
function parseCookies(header) {
    const cookies = {};
    for (const pair of (header ?? '').split(';')) {
        const eq = pair.indexOf('=');
        if (eq <= 0)
            continue;
        const name = pair.slice(0, eq).trim();
        const value = pair.slice(eq + 1).trim();
        try {
            cookies[name] = decodeURIComponent(value);
        }
        catch {
            cookies[name] = value;
        }
    }
    return cookies;
}
/** First value of each parameter, like the routes read them. */
function firstValues(params) {
    const result = {};
    for (const [name, value] of params)
        if (!(name in result))
            result[name] = value;
    return result;
}
//# sourceMappingURL=http.js.map