// Reads a request body before routing so every request can be recorded: multipart bodies are
// streamed through the parser (hash + size per part), others are kept up to 1 MiB.
import type { RequestContext } from './http';
import { mediaType } from './http';
import { MultipartError, multipartBoundary, parseMultipart } from './multipart';

export const MAX_KEPT_BODY = 1024 * 1024;

/** Counts bytes as they pass, so the body size is known for multipart bodies too. */
async function* counted(ctx: RequestContext): AsyncGenerator<Buffer> {
	for await (const chunk of ctx.req) {
		ctx.bodySize += (chunk as Buffer).length;
		yield chunk as Buffer;
	}
}

async function drain(ctx: RequestContext): Promise<void> {
	for await (const chunk of ctx.req) ctx.bodySize += (chunk as Buffer).length;
}

export async function readBody(ctx: RequestContext): Promise<void> {
	const type = mediaType(ctx.contentType);
	if (type === 'multipart/form-data') {
		const boundary = multipartBoundary(ctx.contentType);
		if (!boundary) {
			ctx.multipartError = 'the Content-Type has no usable boundary';
			await drain(ctx);
			return;
		}
		let unexpected: unknown;
		try {
			ctx.parts = await parseMultipart(counted(ctx), boundary);
		} catch (error) {
			if (error instanceof MultipartError) ctx.multipartError = error.message;
			else unexpected = error;
		}
		if (unexpected) throw unexpected;
		return;
	}
	const chunks: Buffer[] = [];
	for await (const chunk of ctx.req) {
		const bytes = chunk as Buffer;
		ctx.bodySize += bytes.length;
		if (ctx.bodySize <= MAX_KEPT_BODY) chunks.push(bytes);
	}
	if (ctx.bodySize > 0 && ctx.bodySize <= MAX_KEPT_BODY) {
		ctx.body = Buffer.concat(chunks);
		if (type === 'application/x-www-form-urlencoded')
			ctx.form = new URLSearchParams(ctx.body.toString('utf8'));
	} else if (ctx.bodySize === 0 && type === 'application/x-www-form-urlencoded') {
		ctx.form = new URLSearchParams();
	}
}
