import { streamLike, type BinaryStream } from './multipart';

/**
 * The PDF check of document downloads, done on the stream itself: the first chunk(s) are
 * peeked, checked for the PDF signature and then passed on with the rest, so a 100 MB PDF is
 * never buffered.
 */

const PDF_SIGNATURE = Buffer.from('%PDF-');
// PDF readers accept the header anywhere in the first 1024 bytes (Adobe's PDF Reference,
// implementation note 13), so junk before it is tolerated as they tolerate it.
export const SIGNATURE_WINDOW = 1024;

/** What the first bytes of a body look like, as an error message names it. */
export type BodyKind = 'a PDF' | 'HTML' | 'JSON' | 'an empty body' | 'other content';

export function bodyKind(head: Buffer): BodyKind {
	const signatureAt = head.subarray(0, SIGNATURE_WINDOW).indexOf(PDF_SIGNATURE);
	if (signatureAt !== -1) return 'a PDF';
	if (head.length === 0) return 'an empty body';
	const text = head
		.toString('utf8')
		.replace(/^\uFEFF/, '')
		.trimStart();
	if (/^<(!doctype\s+html|html|head|body|meta|title|script|!--)/i.test(text)) return 'HTML';
	if (/^[{[]/.test(text)) return 'JSON';
	return 'other content';
}

export interface PeekedBody {
	/** At least SIGNATURE_WINDOW bytes, unless the body is shorter. */
	head: Buffer;
	/** Whether `head` is the whole body. */
	complete: boolean;
	/** The whole body again (head included), read on demand. */
	body: BinaryStream;
	/** Stops reading and releases the connection (when the body is not wanted). */
	discard(): Promise<void>;
}

/** Reads just enough of `source` to see its first `bytes` bytes, without consuming it for the caller. */
export async function peekBody(source: BinaryStream, bytes = SIGNATURE_WINDOW): Promise<PeekedBody> {
	const iterator = (source as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
	const chunks: Buffer[] = [];
	let size = 0;
	let ended = false;
	while (size < bytes) {
		const next = await iterator.next();
		if (next.done) {
			ended = true;
			break;
		}
		chunks.push(next.value);
		size += next.value.length;
	}
	const head = Buffer.concat(chunks);
	async function* replay(): AsyncGenerator<Buffer> {
		try {
			if (head.length) yield head;
			if (ended) return;
			for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
		} finally {
			// A consumer that stops early must not leave the socket open.
			await iterator.return?.();
		}
	}
	return {
		head,
		complete: ended,
		body: streamLike(source, replay()),
		discard: async () => {
			await iterator.return?.();
		},
	};
}
