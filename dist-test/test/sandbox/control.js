"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CONTROL_PREFIX = void 0;
exports.handleControl = handleControl;
const faults_1 = require("./faults");
const errors_1 = require("./errors");
exports.CONTROL_PREFIX = '/__sandbox/';
const MAX_CONTROL_BODY = 1024 * 1024;
async function readJson(req) {
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
        size += chunk.length;
        if (size <= MAX_CONTROL_BODY)
            chunks.push(chunk);
    }
    if (size > MAX_CONTROL_BODY)
        throw new errors_1.SandboxError(413, 'control body too large');
    const text = Buffer.concat(chunks).toString('utf8');
    if (text.trim() === '')
        return {};
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        value = undefined;
    }
    if (value === undefined)
        throw new errors_1.SandboxError(400, 'control body must be JSON');
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new errors_1.SandboxError(400, 'control body must be a JSON object');
    return value;
}
function reply(res, status, value) {
    const body = Buffer.from(JSON.stringify(value));
    res.writeHead(status, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': String(body.length),
    });
    res.end(body);
}
function requireString(body, field) {
    const value = body[field];
    if (typeof value !== 'string' || value === '')
        throw new errors_1.SandboxError(400, `${field} (string) is required`);
    return value;
}
function optionalString(body, field) {
    const value = body[field];
    if (value === undefined || value === null)
        return undefined;
    if (typeof value !== 'string')
        throw new errors_1.SandboxError(400, `${field} must be a string`);
    return value;
}
async function route(state, req, res, action) {
    const key = `${req.method} ${action}`;
    switch (key) {
        case 'GET requests':
            return reply(res, 200, state.requests);
        case 'DELETE requests':
            state.requests.length = 0;
            return reply(res, 200, { status: 'success' });
        case 'POST faults': {
            const body = await readJson(req);
            let invalid;
            try {
                state.faults.add((0, faults_1.faultFromJson)(body));
            }
            catch (error) {
                invalid = error.message;
            }
            if (invalid !== undefined)
                throw new errors_1.SandboxError(400, invalid);
            return reply(res, 200, { status: 'success' });
        }
        case 'DELETE faults':
            state.faults.clear();
            return reply(res, 200, { status: 'success' });
        case 'POST submit': {
            const body = await readJson(req);
            const result = state.submit(requireString(body, 'urn'), {
                referralReason: optionalString(body, 'referralReason'),
                referrerName: optionalString(body, 'referrerName'),
                formType: optionalString(body, 'formType'),
            });
            return reply(res, 200, result);
        }
        case 'POST status': {
            const body = await readJson(req);
            state.setStatus(requireString(body, 'urn'), requireString(body, 'status'));
            return reply(res, 200, { status: 'success' });
        }
        case 'GET connections':
            return reply(res, 200, { connections: state.connections });
        case 'GET webhook-attempts':
            return reply(res, 200, state.webhookAttempts);
        case 'POST documents': {
            const body = await readJson(req);
            const bytes = body.bytes;
            if (typeof bytes !== 'number' || !Number.isSafeInteger(bytes) || bytes < 1)
                throw new errors_1.SandboxError(400, 'bytes (positive integer) is required');
            return reply(res, 200, { url: state.addSyntheticDocument(requireString(body, 'apiKey'), bytes) });
        }
        case 'POST rotate-key': {
            const body = await readJson(req);
            const oldKey = requireString(body, 'apiKey');
            if (!state.store.practice(oldKey))
                throw new errors_1.SandboxError(400, 'apiKey is not one of the sandbox practices');
            return reply(res, 200, { apiKey: state.store.rotateKey(oldKey) });
        }
        case 'GET practices':
            return reply(res, 200, state.store.practices);
        default:
            throw new errors_1.SandboxError(404, `no control endpoint ${key}`);
    }
}
async function handleControl(state, req, res, path) {
    try {
        await route(state, req, res, path.slice(exports.CONTROL_PREFIX.length));
    }
    catch (error) {
        const status = error instanceof errors_1.SandboxError ? error.status : 500;
        if (!res.headersSent)
            reply(res, status, { status: 'error', message: error.message });
    }
}
//# sourceMappingURL=control.js.map