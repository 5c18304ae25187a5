// Test-only control endpoints under /__sandbox/ so e2e tests in another process can drive the
// sandbox. No auth (loopback test fixture) and not recorded.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { faultFromJson } from './faults';
import type { SandboxState } from './state';
import { SandboxError } from './errors';

export const CONTROL_PREFIX = '/__sandbox/';
const MAX_CONTROL_BODY = 1024 * 1024;

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size <= MAX_CONTROL_BODY) chunks.push(chunk as Buffer);
	}
	if (size > MAX_CONTROL_BODY) throw new SandboxError(413, 'control body too large');
	const text = Buffer.concat(chunks).toString('utf8');
	if (text.trim() === '') return {};
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		value = undefined;
	}
	if (value === undefined) throw new SandboxError(400, 'control body must be JSON');
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		throw new SandboxError(400, 'control body must be a JSON object');
	return value as Record<string, unknown>;
}

function reply(res: ServerResponse, status: number, value: unknown): void {
	const body = Buffer.from(JSON.stringify(value));
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': String(body.length),
	});
	res.end(body);
}

function requireString(body: Record<string, unknown>, field: string): string {
	const value = body[field];
	if (typeof value !== 'string' || value === '') throw new SandboxError(400, `${field} (string) is required`);
	return value;
}

function optionalString(body: Record<string, unknown>, field: string): string | undefined {
	const value = body[field];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw new SandboxError(400, `${field} must be a string`);
	return value;
}

async function route(
	state: SandboxState,
	req: IncomingMessage,
	res: ServerResponse,
	action: string,
): Promise<void> {
	const key = `${req.method} ${action}`;
	switch (key) {
		case 'GET requests':
			return reply(res, 200, state.requests);
		case 'DELETE requests':
			state.requests.length = 0;
			return reply(res, 200, { status: 'success' });
		case 'POST faults': {
			const body = await readJson(req);
			let invalid: string | undefined;
			try {
				state.faults.add(faultFromJson(body));
			} catch (error) {
				invalid = (error as Error).message;
			}
			if (invalid !== undefined) throw new SandboxError(400, invalid);
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
				throw new SandboxError(400, 'bytes (positive integer) is required');
			return reply(res, 200, { url: state.addSyntheticDocument(requireString(body, 'apiKey'), bytes) });
		}
		case 'POST rotate-key': {
			const body = await readJson(req);
			const oldKey = requireString(body, 'apiKey');
			if (!state.store.practice(oldKey))
				throw new SandboxError(400, 'apiKey is not one of the sandbox practices');
			return reply(res, 200, { apiKey: state.store.rotateKey(oldKey) });
		}
		case 'GET practices':
			return reply(res, 200, state.store.practices);
		default:
			throw new SandboxError(404, `no control endpoint ${key}`);
	}
}

export async function handleControl(
	state: SandboxState,
	req: IncomingMessage,
	res: ServerResponse,
	path: string,
): Promise<void> {
	try {
		await route(state, req, res, path.slice(CONTROL_PREFIX.length));
	} catch (error) {
		const status = error instanceof SandboxError ? error.status : 500;
		if (!res.headersSent) reply(res, status, { status: 'error', message: (error as Error).message });
	}
}
