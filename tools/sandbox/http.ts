// The per-request context handed to routes, and the helpers every answer goes through (they also
// write the answered status into the request's record).
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { ParsedPart } from './multipart';
import type { PracticeSeed, RecordedRequest } from './types';

export interface RequestContext {
	req: IncomingMessage;
	res: ServerResponse;
	method: string;
	/** Path without the query, still percent-encoded as received. */
	path: string;
	query: URLSearchParams;
	record: RecordedRequest;
	contentType?: string;
	/** Non-multipart body, when it was at most 1 MiB. */
	body?: Buffer;
	/** Total body bytes received. */
	bodySize: number;
	/** Parsed when the body is application/x-www-form-urlencoded (and at most 1 MiB). */
	form?: URLSearchParams;
	/** Multipart parts (streamed; only a head of each is kept). */
	parts?: ParsedPart[];
	/** Why a multipart body could not be parsed. */
	multipartError?: string;
	/** The practice the Authorization header authenticated as. */
	practice?: PracticeSeed;
}

export function send(
	ctx: RequestContext,
	status: number,
	body: string | Buffer,
	headers: OutgoingHttpHeaders = {},
): void {
	const bytes = typeof body === 'string' ? Buffer.from(body) : body;
	ctx.record.status = status;
	if (ctx.res.headersSent || ctx.res.destroyed) return;
	ctx.res.writeHead(status, { 'Content-Length': String(bytes.length), ...headers });
	ctx.res.end(bytes);
}

export function sendJson(
	ctx: RequestContext,
	status: number,
	value: unknown,
	headers: OutgoingHttpHeaders = {},
): void {
	send(ctx, status, JSON.stringify(value), { 'Content-Type': 'application/json; charset=utf-8', ...headers });
}

/** The documented error shape: {"status":"error","message":...}. */
export function sendError(ctx: RequestContext, status: number, message: string): void {
	sendJson(ctx, status, { status: 'error', message });
}

export function sendHtml(
	ctx: RequestContext,
	status: number,
	html: string,
	headers: OutgoingHttpHeaders = {},
): void {
	send(ctx, status, html, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
}

/** Content type without parameters, lower-cased. */
export function mediaType(contentType: string | undefined): string | undefined {
	return contentType?.split(';')[0].trim().toLowerCase() || undefined;
}

export function parseCookies(header: string | undefined): Record<string, string> {
	const cookies: Record<string, string> = {};
	for (const pair of (header ?? '').split(';')) {
		const eq = pair.indexOf('=');
		if (eq <= 0) continue;
		const name = pair.slice(0, eq).trim();
		const value = pair.slice(eq + 1).trim();
		try {
			cookies[name] = decodeURIComponent(value);
		} catch {
			cookies[name] = value;
		}
	}
	return cookies;
}

/** First value of each parameter, like the routes read them. */
export function firstValues(params: URLSearchParams): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [name, value] of params) if (!(name in result)) result[name] = value;
	return result;
}
