"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_KEPT_BODY = void 0;
exports.readBody = readBody;
const http_1 = require("./http");
const multipart_1 = require("./multipart");
exports.MAX_KEPT_BODY = 1024 * 1024;
/** Counts bytes as they pass, so the body size is known for multipart bodies too. */
async function* counted(ctx) {
    for await (const chunk of ctx.req) {
        ctx.bodySize += chunk.length;
        yield chunk;
    }
}
async function drain(ctx) {
    for await (const chunk of ctx.req)
        ctx.bodySize += chunk.length;
}
async function readBody(ctx) {
    const type = (0, http_1.mediaType)(ctx.contentType);
    if (type === 'multipart/form-data') {
        const boundary = (0, multipart_1.multipartBoundary)(ctx.contentType);
        if (!boundary) {
            ctx.multipartError = 'the Content-Type has no usable boundary';
            await drain(ctx);
            return;
        }
        let unexpected;
        try {
            ctx.parts = await (0, multipart_1.parseMultipart)(counted(ctx), boundary);
        }
        catch (error) {
            if (error instanceof multipart_1.MultipartError)
                ctx.multipartError = error.message;
            else
                unexpected = error;
        }
        if (unexpected)
            throw unexpected;
        return;
    }
    const chunks = [];
    for await (const chunk of ctx.req) {
        const bytes = chunk;
        ctx.bodySize += bytes.length;
        if (ctx.bodySize <= exports.MAX_KEPT_BODY)
            chunks.push(bytes);
    }
    if (ctx.bodySize > 0 && ctx.bodySize <= exports.MAX_KEPT_BODY) {
        ctx.body = Buffer.concat(chunks);
        if (type === 'application/x-www-form-urlencoded')
            ctx.form = new URLSearchParams(ctx.body.toString('utf8'));
    }
    else if (ctx.bodySize === 0 && type === 'application/x-www-form-urlencoded') {
        ctx.form = new URLSearchParams();
    }
}
//# sourceMappingURL=body.js.map