"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.documentRoutes = void 0;
// GET /documents/...: PDF downloads, for the owning practice's key only.
const promises_1 = require("node:stream/promises");
const auth_1 = require("../auth");
const http_1 = require("../http");
async function download(state, ctx) {
    const document = state.store.documentByPath(ctx.path);
    if (!document) {
        (0, http_1.sendError)(ctx, 404, 'Document not found');
        return;
    }
    if (document.apiKey !== ctx.practice?.apiKey) {
        // Another practice's document: the documented 401 ("... that you have access to requested resource").
        (0, http_1.sendError)(ctx, 401, auth_1.NOT_AUTHORIZED_MESSAGE);
        return;
    }
    const headers = {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${document.filename}"`,
    };
    if (document.bytes) {
        (0, http_1.send)(ctx, 200, document.bytes, headers);
        return;
    }
    ctx.record.status = 200;
    ctx.res.writeHead(200, { ...headers, 'Content-Length': String(document.size) });
    if (!document.stream) {
        ctx.res.end();
        return;
    }
    try {
        await (0, promises_1.pipeline)(document.stream(), ctx.res);
    }
    catch {
        // The client went away mid-download: nothing to answer.
    }
}
exports.documentRoutes = [
    { methods: ['GET'], pattern: /^\/documents\/.+$/, auth: 'api', handle: download },
];
//# sourceMappingURL=documents.js.map