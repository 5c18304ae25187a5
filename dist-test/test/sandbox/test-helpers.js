"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.PATIENT = exports.KEY_SINGLE = exports.KEY_B = exports.REQUIRE_TS = exports.KEY_A = void 0;
exports.authHeader = authHeader;
exports.call = call;
exports.post = post;
exports.prepare = prepare;
exports.streamUpload = streamUpload;
exports.startReceiver = startReceiver;
// Helpers for the sandbox's own jest tests: real HTTP over loopback, nothing mocked.
const node_http_1 = __importDefault(require("node:http"));
const practices_1 = require("./practices");
/** Riverside (2 forms), Hillview (4 forms), Seaside (a single form). */
exports.KEY_A = practices_1.DEMO_PRACTICES[0].apiKey;
/** `node -e REQUIRE_TS file.ts …` runs a TypeScript file in a child process, transpiled on the fly (no build). */
exports.REQUIRE_TS = `
const ts = require('typescript');
const fs = require('node:fs');
require.extensions['.ts'] = (module, filename) => {
	const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
		fileName: filename,
		compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
	});
	module._compile(outputText, filename);
};
require(process.argv[1]);
`;
exports.KEY_B = practices_1.DEMO_PRACTICES[1].apiKey;
exports.KEY_SINGLE = practices_1.DEMO_PRACTICES[2].apiKey;
function authHeader(apiKey) {
    return { Authorization: `Token token=${apiKey}` };
}
/** fetch against the sandbox origin (path may be absolute or relative to the API root). */
async function call(sandbox, path, init = {}) {
    const url = /^https?:/.test(path)
        ? path
        : path.startsWith('/')
            ? sandbox.origin + path
            : sandbox.baseUrl + path;
    const headers = new Headers(init.headers);
    if (init.apiKey)
        headers.set('Authorization', `Token token=${init.apiKey}`);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    const text = await response.text();
    let json = {};
    try {
        json = JSON.parse(text);
    }
    catch {
        json = {};
    }
    return { status: response.status, headers: response.headers, text, json };
}
function post(sandbox, path, apiKey, params) {
    return call(sandbox, path, {
        method: 'POST',
        apiKey,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(params).toString(),
    });
}
exports.PATIENT = {
    form_type: 'AdultRestorativeForm',
    patient_title: 'Mr',
    patient_first_name: 'John',
    patient_last_name: 'Doe',
    patient_dob: '10/10/2010',
};
/** prepare_form with a valid patient, plus extra parameters; returns the parsed answer. */
async function prepare(sandbox, apiKey = exports.KEY_A, extra = {}) {
    const answer = await post(sandbox, 'prepare_form', apiKey, { ...exports.PATIENT, ...extra });
    if (answer.status !== 200)
        throw new Error(`prepare_form failed: ${answer.status} ${answer.text}`);
    return answer.json;
}
/**
 * Streams a multipart/form-data upload with node:http: `size` bytes of a repeating pattern in a
 * part named `partName`, generated chunk by chunk (never held whole in memory).
 */
function streamUpload(url, headers, size, partName = 'file', chunk = Buffer.alloc(64 * 1024, 0x5a)) {
    const boundary = '----sandboxTestBoundary7MA4YWxkTrZu0gW';
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${partName}"; filename="scan.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    return new Promise((resolve, reject) => {
        const request = node_http_1.default.request(url, {
            method: 'POST',
            agent: false,
            headers: {
                ...headers,
                'Content-Type': `multipart/form-data; boundary=${boundary}`,
                'Content-Length': String(head.length + size + tail.length),
            },
        });
        request.on('error', reject);
        request.on('response', (response) => {
            const chunks = [];
            response.on('data', (data) => chunks.push(data));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        });
        let remaining = size;
        const writeMore = () => {
            while (remaining > 0) {
                const n = Math.min(remaining, chunk.length);
                remaining -= n;
                if (!request.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
                    request.once('drain', writeMore);
                    return;
                }
            }
            request.end(tail);
        };
        request.write(head);
        writeMore();
    });
}
/** A local webhook receiver answering with the statuses given in turn (the last one repeats). */
async function startReceiver(statuses = [200]) {
    const received = [];
    const server = node_http_1.default.createServer((req, res) => {
        const chunks = [];
        req.on('data', (data) => chunks.push(data));
        req.on('end', () => {
            received.push({ at: Date.now(), headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
            const status = statuses[Math.min(received.length - 1, statuses.length - 1)];
            res.writeHead(status, { 'Content-Type': 'text/plain', Connection: 'close' });
            res.end('ok');
        });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address();
    return {
        url: `http://127.0.0.1:${port}/webhook`,
        received,
        close: () => new Promise((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
        }),
    };
}
//# sourceMappingURL=test-helpers.js.map