/**
 * The baselines: plain node:http clients doing the same calls as the node, with nothing of
 * n8n in between. They are the floor the node's figures are compared with.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import http from 'node:http';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';

import { parseJson } from './child';

const TIMEOUT_MS = 120_000;

export interface RawAnswer {
	status: number;
	body: Buffer;
}

/** One request; the body is a Buffer or a stream piped into the request. */
export function rawRequest(
	url: string,
	options: {
		method: string;
		headers: Record<string, string>;
		agent?: http.Agent;
		body?: Buffer | NodeJS.ReadableStream;
	},
): Promise<RawAnswer> {
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method: options.method, headers: options.headers, agent: options.agent });
		req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error(`no answer from ${url} within ${TIMEOUT_MS} ms`)));
		req.on('error', reject);
		req.on('response', (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('error', reject);
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
		});
		const body = options.body;
		if (body === undefined) req.end();
		else if (Buffer.isBuffer(body)) req.end(body);
		else body.on('error', (error) => req.destroy(error)).pipe(req);
	});
}

/** Parses a JSON answer and insists on HTTP 200 without {"status":"error"}. */
export function expectJson(answer: RawAnswer, what: string): Record<string, unknown> {
	const text = answer.body.toString('utf8');
	const value = parseJson(text) as Record<string, unknown> | undefined;
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
export async function formLoop(
	url: string,
	headers: Record<string, string>,
	body: Buffer,
	count: number,
	keepAlive: boolean,
): Promise<void> {
	const agent = new http.Agent({ keepAlive, maxSockets: 1 });
	try {
		for (let i = 0; i < count; i++) {
			expectJson(await rawRequest(url, { method: 'POST', headers, body, agent }), `raw POST #${i}`);
		}
	} finally {
		agent.destroy();
	}
}

/** A streaming multipart/form-data upload of a file on disk: part `file`, Content-Length known. */
export async function streamingUpload(
	url: string,
	headers: Record<string, string>,
	path: string,
	mimeType: string,
): Promise<Record<string, unknown>> {
	const boundary = `----BenchBoundary${randomBytes(16).toString('hex')}`;
	const head = Buffer.from(
		`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${basename(path)}"\r\n` +
			`Content-Type: ${mimeType}\r\n\r\n`,
	);
	const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
	const size = statSync(path).size;
	const req = http.request(url, {
		method: 'POST',
		headers: {
			...headers,
			'Content-Type': `multipart/form-data; boundary=${boundary}`,
			'Content-Length': String(head.length + size + tail.length),
		},
	});
	const answer = new Promise<RawAnswer>((resolve, reject) => {
		req.on('error', reject);
		req.on('response', (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
		});
	});
	req.setTimeout(TIMEOUT_MS, () =>
		req.destroy(new Error(`upload to ${url}: no progress for ${TIMEOUT_MS} ms`)),
	);
	req.write(head);
	await pipeline(createReadStream(path), req, { end: false });
	req.end(tail);
	return expectJson(await answer, `raw upload of ${basename(path)}`);
}

/** A streamed GET written to a file; returns the number of bytes written. */
export async function streamingDownload(
	url: string,
	headers: Record<string, string>,
	path: string,
): Promise<number> {
	const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
		const req = http.get(url, { headers }, resolve);
		req.setTimeout(TIMEOUT_MS, () =>
			req.destroy(new Error(`download of ${url}: no answer within ${TIMEOUT_MS} ms`)),
		);
		req.on('error', reject);
	});
	if (res.statusCode !== 200) {
		res.resume();
		throw new Error(`raw download of ${url}: HTTP ${res.statusCode}`);
	}
	await pipeline(res, createWriteStream(path));
	return statSync(path).size;
}
