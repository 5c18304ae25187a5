"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.fileuploadRoutes = void 0;
const http_1 = require("../http");
const validation_1 = require("../validation");
const route_1 = require("./route");
function prepareFileupload(state, ctx) {
    const fileupload = state.store.createFileupload(ctx.practice?.apiKey ?? '');
    (0, http_1.sendJson)(ctx, 200, { status: 'success', fileupload_id: fileupload.id });
}
function addFile(state, ctx, match) {
    const id = /^\d+$/.test(match[1]) ? Number(match[1]) : NaN;
    const fileupload = Number.isNaN(id) ? undefined : state.store.fileupload(id);
    if (!fileupload || fileupload.apiKey !== ctx.practice?.apiKey) {
        (0, http_1.sendError)(ctx, 404, `Fileupload ${match[1]} not found`);
        return;
    }
    if (fileupload.expiredBy) {
        (0, http_1.sendError)(ctx, 404, `Fileupload ${id} has expired: its referral ${fileupload.expiredBy} was submitted`);
        return;
    }
    const headers = (0, validation_1.validateUploadHeaders)(ctx.req.headers);
    if ((0, validation_1.isValidationError)(headers)) {
        (0, http_1.sendError)(ctx, headers.status, headers.message);
        return;
    }
    if (ctx.multipartError) {
        (0, http_1.sendError)(ctx, 400, `add_file expects a multipart/form-data body: ${ctx.multipartError}`);
        return;
    }
    const part = ctx.parts?.find((candidate) => candidate.name === 'file');
    if (!part) {
        (0, http_1.sendError)(ctx, 400, "add_file expects a multipart/form-data body with a part named 'file'");
        return;
    }
    fileupload.files.push({
        filename: headers.filename,
        kind: headers.kind,
        date: headers.date,
        contentType: headers.contentType,
        size: part.size,
        sha256: part.sha256,
    });
    (0, http_1.sendJson)(ctx, 200, { status: 'success' });
}
exports.fileuploadRoutes = [
    {
        methods: ['GET', 'POST'],
        pattern: new RegExp(`^${route_1.API_ROOT}prepare_fileupload$`),
        auth: 'api',
        handle: prepareFileupload,
    },
    {
        methods: ['POST'],
        pattern: new RegExp(`^${route_1.API_ROOT}fileupload/([^/]+)/add_file$`),
        auth: 'api',
        handle: addFile,
    },
];
//# sourceMappingURL=fileuploads.js.map