// A streaming multipart/form-data parser. Parts are hashed and counted as they stream past,
// keeping at most the first `keepBytes` of each, so a 500 MB upload never sits in memory.
import { createHash } from 'node:crypto';

export interface ParsedPart {
	name: string;
	filename?: string;
	contentType?: string;
	size: number;
	sha256: string;
	/** The first bytes of the part (at most keepBytes). */
	head: Buffer;
	/** The part's header lines as received (UTF-8), e.g. `Content-Disposition: form-data; name="file"`. */
	headerLines: string[];
}

/** What a recorded request keeps of a part: all but its first bytes. */
export function recordedPart(part: ParsedPart): Omit<ParsedPart, 'head'> {
	const { name, filename, contentType, size, sha256, headerLines } = part;
	return { name, filename, contentType, size, sha256, headerLines };
}

export class MultipartError extends Error {}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_HEADER_BYTES = 16 * 1024;
export const DEFAULT_KEEP_BYTES = 64 * 1024;

/** Extracts the boundary from a Content-Type header; undefined if it is not multipart/form-data. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
	if (!contentType || !/^multipart\/form-data\s*(;|$)/i.test(contentType)) return undefined;
	const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	const boundary = match?.[1] ?? match?.[2];
	return boundary && boundary.length <= 70 ? boundary : undefined;
}

interface PartHeaders {
	name: string;
	filename?: string;
	contentType?: string;
	headerLines: string[];
}

function parsePartHeaders(block: string): PartHeaders {
	let disposition: string | undefined;
	let contentType: string | undefined;
	for (const line of block.split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon < 0) continue;
		const name = line.slice(0, colon).trim().toLowerCase();
		const value = line.slice(colon + 1).trim();
		if (name === 'content-disposition') disposition = value;
		else if (name === 'content-type') contentType = value;
	}
	if (!disposition || !/^form-data\s*(;|$)/i.test(disposition)) {
		throw new MultipartError('each multipart part needs a Content-Disposition: form-data header');
	}
	const param = (key: string): string | undefined => {
		const match = new RegExp(`;\\s*${key}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]+))`, 'i').exec(
			disposition as string,
		);
		if (!match) return undefined;
		return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2];
	};
	const name = param('name');
	if (name === undefined) throw new MultipartError('a multipart part has no name');
	let filename = param('filename');
	const extended = param('filename\\*');
	if (extended) {
		// RFC 5987: charset''percent-encoded
		const quote = extended.indexOf("''");
		try {
			filename = decodeURIComponent(quote >= 0 ? extended.slice(quote + 2) : extended);
		} catch {
			filename = extended;
		}
	}
	return { name, filename, contentType, headerLines: block === '' ? [] : block.split('\r\n') };
}

/**
 * Parses a multipart body from any async iterable of chunks (an IncomingMessage, a Readable).
 * The stream is consumed to its end, so the client always gets to finish sending before the answer.
 */
export async function parseMultipart(
	body: AsyncIterable<Buffer | string>,
	boundary: string,
	keepBytes = DEFAULT_KEEP_BYTES,
): Promise<ParsedPart[]> {
	// The first delimiter may sit at the very start of the body, without the CRLF that precedes
	// every later one: pretend the body starts with a CRLF so a single delimiter pattern fits all.
	const delimiter = Buffer.from(`\r\n--${boundary}`);
	const parts: ParsedPart[] = [];
	let buffer: Buffer = CRLF;
	type State = 'preamble' | 'afterDelimiter' | 'headers' | 'body' | 'done';
	let state = 'preamble' as State;
	let failure: MultipartError | undefined;
	let current:
		| {
				headers: PartHeaders;
				hash: ReturnType<typeof createHash>;
				size: number;
				head: Buffer[];
				headSize: number;
		  }
		| undefined;

	const feedPart = (data: Buffer) => {
		if (!current || data.length === 0) return;
		current.hash.update(data);
		current.size += data.length;
		if (current.headSize < keepBytes) {
			const slice = data.subarray(0, keepBytes - current.headSize);
			current.head.push(Buffer.from(slice));
			current.headSize += slice.length;
		}
	};
	const finishPart = () => {
		if (!current) return;
		parts.push({
			...current.headers,
			size: current.size,
			sha256: current.hash.digest('hex'),
			head: Buffer.concat(current.head),
		});
		current = undefined;
	};

	// Runs the state machine over what is buffered; returns when it needs more bytes.
	const advance = () => {
		for (;;) {
			if (state === 'preamble' || state === 'body') {
				const index = buffer.indexOf(delimiter);
				if (index < 0) {
					// Keep a tail that could be the start of a delimiter split across chunks.
					const keep = Math.min(buffer.length, delimiter.length - 1);
					if (state === 'body') feedPart(buffer.subarray(0, buffer.length - keep));
					buffer = buffer.subarray(buffer.length - keep);
					return;
				}
				if (state === 'body') {
					feedPart(buffer.subarray(0, index));
					finishPart();
				}
				buffer = buffer.subarray(index + delimiter.length);
				state = 'afterDelimiter';
			} else if (state === 'afterDelimiter') {
				// "--" closes the body; otherwise optional transport padding, then CRLF.
				if (buffer.length < 2) return;
				if (buffer[0] === 0x2d && buffer[1] === 0x2d) {
					state = 'done';
					buffer = Buffer.alloc(0);
					return;
				}
				const lineEnd = buffer.indexOf(CRLF);
				if (lineEnd < 0) {
					if (buffer.length > 1024) throw new MultipartError('malformed multipart delimiter line');
					return;
				}
				if (buffer.subarray(0, lineEnd).toString('latin1').trim() !== '') {
					throw new MultipartError('malformed multipart delimiter line');
				}
				buffer = buffer.subarray(lineEnd + 2);
				state = 'headers';
			} else if (state === 'headers') {
				// A part with no headers at all starts straight with the blank line.
				const end = buffer.subarray(0, 2).equals(CRLF) ? -2 : buffer.indexOf(HEADER_END);
				if (end === -1) {
					if (buffer.length > MAX_HEADER_BYTES)
						throw new MultipartError('multipart part headers are too large');
					return;
				}
				const block = end === -2 ? '' : buffer.subarray(0, end).toString('utf8');
				buffer = buffer.subarray(end === -2 ? 2 : end + HEADER_END.length);
				current = {
					headers: parsePartHeaders(block),
					hash: createHash('sha256'),
					size: 0,
					head: [],
					headSize: 0,
				};
				state = 'body';
			} else {
				// Epilogue: ignored.
				buffer = Buffer.alloc(0);
				return;
			}
		}
	};

	// A malformed body is still read to its end (leaving the loop early would destroy the request
	// socket), so the client can finish sending and receive a proper 400.
	for await (const chunk of body) {
		if (state === 'done' || failure) continue;
		const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
		buffer = buffer.length === 0 ? bytes : Buffer.concat([buffer, bytes]);
		let unexpected: unknown;
		try {
			advance();
		} catch (error) {
			if (error instanceof MultipartError) failure = error;
			else unexpected = error;
		}
		if (unexpected) throw unexpected;
	}
	if (failure) throw failure;
	if (state !== 'done') throw new MultipartError('multipart body ended before its closing boundary');
	return parts;
}
