"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.rawRequest = rawRequest;
exports.expectJson = expectJson;
exports.formLoop = formLoop;
exports.streamingUpload = streamingUpload;
exports.streamingDownload = streamingDownload;
/**
 * The baselines: plain node:http clients doing the same calls as the node, with nothing of
 * n8n in between. They are the floor the node's figures are compared with.
 */
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_http_1 = __importDefault(require("node:http"));
const node_path_1 = require("node:path");
const promises_1 = require("node:stream/promises");
const child_1 = require("./child");
const TIMEOUT_MS = 120_000;
/** One request; the body is a Buffer or a stream piped into the request. */
function rawRequest(url, options) {
    return new Promise((resolve, reject) => {
        const req = node_http_1.default.request(url, { method: options.method, headers: options.headers, agent: options.agent });
        req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error(`no answer from ${url} within ${TIMEOUT_MS} ms`)));
        req.on('error', reject);
        req.on('response', (res) => {
            const chunks = [];
            res.on('data', (chunk) => chunks.push(chunk));
            res.on('error', reject);
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        });
        const body = options.body;
        if (body === undefined)
            req.end();
        else if (Buffer.isBuffer(body))
            req.end(body);
        else
            body.on('error', (error) => req.destroy(error)).pipe(req);
    });
}
/** Parses a JSON answer and insists on HTTP 200 without {"status":"error"}. */
function expectJson(answer, what) {
    const text = answer.body.toString('utf8');
    const value = (0, child_1.parseJson)(text);
    if (value === undefined) {
        throw new Error(`${what}: HTTP ${answer.status}, body is not JSON: ${text.slice(0, 200)}`);
    }
    if (answer.status !== 200 || value.status === 'error') {
        throw new Error(`${what}: HTTP ${answer.status} ${text.slice(0, 200)}`);
    }
    return value;
}
/**
 * `count` sequential form-urlencoded POSTs with exactly the given headers and body, on one
 * agent (keepAlive: one reused connection; without: a new connection per call, as n8n does).
 */
async function formLoop(url, headers, body, count, keepAlive) {
    const agent = new node_http_1.default.Agent({ keepAlive, maxSockets: 1 });
    try {
        for (let i = 0; i < count; i++) {
            expectJson(await rawRequest(url, { method: 'POST', headers, body, agent }), `raw POST #${i}`);
        }
    }
    finally {
        agent.destroy();
    }
}
/** A streaming multipart/form-data upload of a file on disk: part `file`, Content-Length known. */
async function streamingUpload(url, headers, path, mimeType) {
    const boundary = `----BenchBoundary${(0, node_crypto_1.randomBytes)(16).toString('hex')}`;
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${(0, node_path_1.basename)(path)}"\r\n` +
        `Content-Type: ${mimeType}\r\n\r\n`);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const size = (0, node_fs_1.statSync)(path).size;
    const req = node_http_1.default.request(url, {
        method: 'POST',
        headers: {
            ...headers,
            'Content-Type': `multipart/form-data; boundary=${boundary}`,
            'Content-Length': String(head.length + size + tail.length),
        },
    });
    const answer = new Promise((resolve, reject) => {
        req.on('error', reject);
        req.on('response', (res) => {
            const chunks = [];
            res.on('data', (chunk) => chunks.push(chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        });
    });
    req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error(`upload to ${url}: no progress for ${TIMEOUT_MS} ms`)));
    req.write(head);
    await (0, promises_1.pipeline)((0, node_fs_1.createReadStream)(path), req, { end: false });
    req.end(tail);
    return expectJson(await answer, `raw upload of ${(0, node_path_1.basename)(path)}`);
}
/** A streamed GET written to a file; returns the number of bytes written. */
async function streamingDownload(url, headers, path) {
    const res = await new Promise((resolve, reject) => {
        const req = node_http_1.default.get(url, { headers }, resolve);
        req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error(`download of ${url}: no answer within ${TIMEOUT_MS} ms`)));
        req.on('error', reject);
    });
    if (res.statusCode !== 200) {
        res.resume();
        throw new Error(`raw download of ${url}: HTTP ${res.statusCode}`);
    }
    await (0, promises_1.pipeline)(res, (0, node_fs_1.createWriteStream)(path));
    return (0, node_fs_1.statSync)(path).size;
}
//# sourceMappingURL=raw-http.js.map