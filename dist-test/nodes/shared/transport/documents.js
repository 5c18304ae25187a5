"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkDocumentUrl = checkDocumentUrl;
exports.storeDocument = storeDocument;
const n8n_workflow_1 = require("n8n-workflow");
const api_root_1 = require("./api-root");
const errors_1 = require("./errors");
const pdf_signature_1 = require("./pdf-signature");
const request_1 = require("./request");
const ERROR_BODY_LIMIT = 64 * 1024;
/**
 * Refuses any URL whose origin is not the credential's: the document URLs come from API
 * answers and webhook bodies, and the request to fetch them carries the API key.
 */
async function checkDocumentUrl(value, field, itemIndex) {
    const where = itemIndex === undefined ? '' : ` (item index ${itemIndex})`;
    let url;
    try {
        url = new URL(String(value ?? '').trim());
    }
    catch {
        throw new n8n_workflow_1.NodeOperationError(this.getNode(), `${field}: must be an absolute http(s) URL${where}`, {
            itemIndex,
        });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new n8n_workflow_1.NodeOperationError(this.getNode(), `${field}: must be an absolute http(s) URL${where}`, {
            itemIndex,
        });
    }
    const root = await api_root_1.apiRoot.call(this, itemIndex);
    if (url.origin !== root.origin) {
        throw new n8n_workflow_1.NodeOperationError(this.getNode(), `${field}: is on ${url.origin}, not on the credential's API origin ${root.origin}${where}`, {
            itemIndex,
            description: 'Documents are only fetched from the origin of the Dental Referrals API credential, so that the API key is never sent anywhere else.',
        });
    }
    const lastSegment = url.pathname.split('/').filter(Boolean).pop() ?? 'document.pdf';
    let fileName = lastSegment;
    try {
        fileName = decodeURIComponent(lastSegment);
    }
    catch {
        // A malformed escape keeps the raw segment as the name.
        fileName = lastSegment;
    }
    return { url: url.href, fileName: fileName.endsWith('.pdf') ? fileName : `${fileName}.pdf` };
}
async function readLimited(stream) {
    const chunks = [];
    let size = 0;
    for await (const chunk of stream) {
        const buffer = chunk;
        if (size < ERROR_BODY_LIMIT)
            chunks.push(buffer);
        size += buffer.length;
    }
    return Buffer.concat(chunks).toString('utf8').slice(0, ERROR_BODY_LIMIT);
}
/**
 * Streams a document (a referral's PDF) into n8n's binary store with the credential's key:
 * memory does not grow with its size. Only a body that starts like a PDF is stored. A connection that breaks mid-body surfaces while the
 * store reads the stream, and is reported like any other network failure.
 */
async function storeDocument(location, itemIndex, timeoutMs = request_1.DEFAULT_TIMEOUT_MS) {
    const credential = await api_root_1.apiCredential.call(this, itemIndex);
    const { root } = credential;
    const failure = {
        node: this.getNode(),
        host: root.host,
        itemIndex,
        notFound: `Document ${location.fileName}`,
    };
    const response = await request_1.send.call(this, credential, {
        method: 'GET',
        url: location.url,
        encoding: 'stream',
        json: false,
        // The vendor's only documented PDF request sends Accept: application/json. A Rails-style
        // server picks token authentication by the requested format, and may answer another
        // format (application/pdf) with a redirect or a sign-in page: send what is documented.
        headers: { Accept: 'application/json' },
    }, failure, timeoutMs);
    const body = response.body;
    if (response.statusCode !== 200) {
        (0, request_1.interpretAnswer)(response, await readLimited(body), failure);
        throw (0, errors_1.httpFailure)(failure, response.statusCode, undefined, false);
    }
    const contentType = String(response.headers?.['content-type'] ?? '');
    let peeked;
    try {
        peeked = await (0, pdf_signature_1.peekBody)(body);
    }
    catch (error) {
        throw (0, errors_1.networkFailure)(failure, error, timeoutMs);
    }
    const pdf = await checkedPdf(peeked, contentType, failure, location.fileName);
    try {
        return await this.helpers.prepareBinaryData(pdf, location.fileName, 'application/pdf');
    }
    catch (error) {
        throw (0, errors_1.networkFailure)(failure, error, timeoutMs);
    }
}
/**
 * The body, unchanged, if it starts like a PDF; otherwise a failure naming what came back (a
 * sign-in page, a JSON error, nothing) instead of a file stored as application/pdf.
 */
async function checkedPdf(peeked, contentType, failure, fileName) {
    const kind = (0, pdf_signature_1.bodyKind)(peeked.head);
    if (kind === 'a PDF')
        return peeked.body;
    await peeked.discard();
    const text = kind === 'JSON' && peeked.complete ? peeked.head.toString('utf8') : '';
    let apiText;
    try {
        apiText = text ? (0, errors_1.apiMessage)(JSON.parse(text)) : undefined;
    }
    catch {
        apiText = undefined;
    }
    throw (0, errors_1.notPdfFailure)(failure, `Document ${fileName}`, contentType, kind, apiText);
}
//# sourceMappingURL=documents.js.map