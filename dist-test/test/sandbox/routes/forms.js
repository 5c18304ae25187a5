"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formRoutes = void 0;
exports.ptguidFor = ptguidFor;
// available_forms, prepare_form and save_draft.
const node_crypto_1 = require("node:crypto");
const http_1 = require("../http");
const validation_1 = require("../validation");
const route_1 = require("./route");
function availableForms(_state, ctx) {
    (0, http_1.sendJson)(ctx, 200, ctx.practice?.forms ?? []);
}
/**
 * PTGUID: the documentation calls it "a Base64 hash of the API key + patient_identifier", and its
 * example PTGUID does not decode to its example key. So the sandbox hashes first (SHA-256 of key +
 * identifier, first 20 bytes) and Base64-encodes the digest: deterministic per key and
 * identifier, 28 characters of Base64 text like the documented example, and one-way, so an
 * execution holding a PTGUID never holds the key. (Plain Base64 of key + identifier would put the
 * key, Base64-encoded, in every such execution.)
 */
function ptguidFor(apiKey, patientIdentifier) {
    return (0, node_crypto_1.createHash)('sha256')
        .update(apiKey + patientIdentifier, 'utf8')
        .digest()
        .subarray(0, 20)
        .toString('base64');
}
function createReferral(method) {
    return (state, ctx) => {
        const practice = ctx.practice;
        if (!practice)
            return;
        if ((0, http_1.mediaType)(ctx.contentType) !== 'application/x-www-form-urlencoded' || !ctx.form) {
            (0, http_1.sendError)(ctx, 400, `${method} expects an application/x-www-form-urlencoded body (got ${ctx.contentType ?? 'no Content-Type'})`);
            return;
        }
        const sent = (0, http_1.firstValues)(ctx.form);
        const params = {};
        for (const name of validation_1.FORM_PARAMETERS)
            if (sent[name] !== undefined)
                params[name] = sent[name];
        const invalid = (0, validation_1.validateFormParams)(params, practice, method);
        if (invalid) {
            (0, http_1.sendError)(ctx, invalid.status, invalid.message);
            return;
        }
        let fileuploadId;
        if (params.fileupload_id !== undefined) {
            fileuploadId = Number(params.fileupload_id);
            const fileupload = state.store.fileupload(fileuploadId);
            if (!fileupload || fileupload.apiKey !== practice.apiKey) {
                (0, http_1.sendError)(ctx, 404, `fileupload_id ${fileuploadId} not found`);
                return;
            }
            if (fileupload.expiredBy) {
                (0, http_1.sendError)(ctx, 404, `fileupload_id ${fileuploadId} has expired: referral ${fileupload.expiredBy} using it was submitted`);
                return;
            }
        }
        const ptguid = params.patient_identifier
            ? ptguidFor(practice.apiKey, params.patient_identifier)
            : undefined;
        const referral = state.store.createReferral({
            apiKey: practice.apiKey,
            source: method,
            params,
            ptguid,
            fileuploadId,
        });
        const answer = { status: 'success' };
        if (method === 'prepare_form')
            answer.prepared_form_url = `${state.origin}/prepared_forms/show/${referral.token}`;
        else
            answer.draft_id = referral.draftId;
        answer.urn = referral.urn;
        if (ptguid)
            answer.ptguid = ptguid;
        (0, http_1.sendJson)(ctx, 200, answer);
    };
}
exports.formRoutes = [
    {
        methods: ['GET'],
        pattern: new RegExp(`^${route_1.API_ROOT}available_forms$`),
        auth: 'api',
        handle: availableForms,
    },
    {
        methods: ['POST'],
        pattern: new RegExp(`^${route_1.API_ROOT}prepare_form$`),
        auth: 'api',
        handle: createReferral('prepare_form'),
    },
    {
        methods: ['POST'],
        pattern: new RegExp(`^${route_1.API_ROOT}save_draft$`),
        auth: 'api',
        handle: createReferral('save_draft'),
    },
];
//# sourceMappingURL=forms.js.map