// Helpers for the sandbox's own jest tests: real HTTP over loopback, nothing mocked.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_PRACTICES } from './practices';
import type { Sandbox } from './types';

/** Riverside (2 forms), Hillview (4 forms), Seaside (a single form). */
export const KEY_A = DEMO_PRACTICES[0].apiKey;

/** `node -e REQUIRE_TS file.ts …` runs a TypeScript file in a child process, transpiled on the fly (no build). */
export const REQUIRE_TS = `
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

export const KEY_B = DEMO_PRACTICES[1].apiKey;
export const KEY_SINGLE = DEMO_PRACTICES[2].apiKey;

export interface Answer {
	status: number;
	headers: Headers;
	text: string;
	json: Record<string, unknown> & { status?: string; message?: string };
}

export function authHeader(apiKey: string): Record<string, string> {
	return { Authorization: `Token token=${apiKey}` };
}

/** fetch against the sandbox origin (path may be absolute or relative to the API root). */
export async function call(
	sandbox: Sandbox,
	path: string,
	init: RequestInit & { apiKey?: string } = {},
): Promise<Answer> {
	const url = /^https?:/.test(path)
		? path
		: path.startsWith('/')
			? sandbox.origin + path
			: sandbox.baseUrl + path;
	const headers = new Headers(init.headers);
	if (init.apiKey) headers.set('Authorization', `Token token=${init.apiKey}`);
	const response = await fetch(url, { ...init, headers, redirect: 'manual' });
	const text = await response.text();
	let json: Answer['json'] = {};
	try {
		json = JSON.parse(text);
	} catch {
		json = {};
	}
	return { status: response.status, headers: response.headers, text, json };
}

export function post(
	sandbox: Sandbox,
	path: string,
	apiKey: string,
	params: Record<string, string>,
): Promise<Answer> {
	return call(sandbox, path, {
		method: 'POST',
		apiKey,
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(params).toString(),
	});
}

export const PATIENT = {
	form_type: 'AdultRestorativeForm',
	patient_title: 'Mr',
	patient_first_name: 'John',
	patient_last_name: 'Doe',
	patient_dob: '10/10/2010',
};

/** prepare_form with a valid patient, plus extra parameters; returns the parsed answer. */
export async function prepare(sandbox: Sandbox, apiKey = KEY_A, extra: Record<string, string> = {}) {
	const answer = await post(sandbox, 'prepare_form', apiKey, { ...PATIENT, ...extra });
	if (answer.status !== 200) throw new Error(`prepare_form failed: ${answer.status} ${answer.text}`);
	return answer.json as { status: string; prepared_form_url: string; urn: string; ptguid?: string };
}

export interface UploadResult {
	status: number;
	body: string;
}

/**
 * Streams a multipart/form-data upload with node:http: `size` bytes of a repeating pattern in a
 * part named `partName`, generated chunk by chunk (never held whole in memory).
 */
export function streamUpload(
	url: string,
	headers: Record<string, string>,
	size: number,
	partName = 'file',
	chunk: Buffer = Buffer.alloc(64 * 1024, 0x5a),
): Promise<UploadResult> {
	const boundary = '----sandboxTestBoundary7MA4YWxkTrZu0gW';
	const head = Buffer.from(
		`--${boundary}\r\nContent-Disposition: form-data; name="${partName}"; filename="scan.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
	);
	const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
	return new Promise((resolve, reject) => {
		const request = http.request(url, {
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
			const chunks: Buffer[] = [];
			response.on('data', (data: Buffer) => chunks.push(data));
			response.on('end', () =>
				resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
			);
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

export interface Receiver {
	url: string;
	received: Array<{ at: number; headers: http.IncomingHttpHeaders; body: string }>;
	close(): Promise<void>;
}

/** A local webhook receiver answering with the statuses given in turn (the last one repeats). */
export async function startReceiver(statuses: number[] = [200]): Promise<Receiver> {
	const received: Receiver['received'] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (data: Buffer) => chunks.push(data));
		req.on('end', () => {
			received.push({ at: Date.now(), headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
			const status = statuses[Math.min(received.length - 1, statuses.length - 1)];
			res.writeHead(status, { 'Content-Type': 'text/plain', Connection: 'close' });
			res.end('ok');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook`,
		received,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
