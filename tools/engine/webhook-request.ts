import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQueryString } from 'node:querystring';

import type { IWorkflowExecuteAdditionalData } from 'n8n-workflow';

/** n8n's body parser for webhooks (packages/cli middlewares/body-parser): JSON, form, text; 422 if unparseable. */
function parseBody(
	raw: Buffer,
	contentTypeHeader: string | undefined,
): { ok: true; body: unknown } | { ok: false } {
	const contentType = (contentTypeHeader ?? '').split(';')[0].trim().toLowerCase();
	if (raw.length === 0) return { ok: true, body: {} };
	try {
		if (contentType === 'application/json') return { ok: true, body: JSON.parse(raw.toString('utf8')) };
		if (contentType === 'application/x-www-form-urlencoded')
			return { ok: true, body: parseQueryString(raw.toString('utf8')) };
		if (contentType === 'text/plain') return { ok: true, body: raw.toString('utf8') };
	} catch {
		return { ok: false };
	}
	return { ok: true, body: {} };
}

/** The parts of an express Response that nodes use. */
function expressLikeResponse(res: ServerResponse) {
	const wrapper = {
		status(code: number) {
			res.statusCode = code;
			return wrapper;
		},
		json(value: unknown) {
			res.setHeader('Content-Type', 'application/json');
			res.end(JSON.stringify(value));
			return wrapper;
		},
		send(value: string | Buffer) {
			res.end(value);
			return wrapper;
		},
		end(value?: string) {
			res.end(value);
			return wrapper;
		},
		setHeader(name: string, value: string) {
			res.setHeader(name, value);
			return wrapper;
		},
		get headersSent() {
			return res.headersSent;
		},
	};
	return wrapper;
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/** Answers with n8n's JSON error shape. */
export function answerError(res: ServerResponse, status: number, message: string): void {
	res
		.writeHead(status, { 'Content-Type': 'application/json' })
		.end(JSON.stringify({ code: status, message }));
}

/**
 * The express request/response n8n hands a webhook (body parsed as n8n parses it, raw body kept),
 * in the additional data a WebhookContext reads; undefined after answering 422 like n8n.
 */
export async function webhookCallData(
	req: IncomingMessage,
	res: ServerResponse,
	url: URL,
	additionalData: IWorkflowExecuteAdditionalData,
): Promise<IWorkflowExecuteAdditionalData | undefined> {
	const raw = await readRaw(req);
	const parsed = parseBody(raw, req.headers['content-type']);
	if (!parsed.ok) {
		answerError(res, 422, 'Failed to parse request body');
		return undefined;
	}
	const request = {
		body: parsed.body,
		rawBody: raw,
		headers: req.headers,
		query: Object.fromEntries(url.searchParams),
		params: {},
		method: req.method,
	};
	return {
		...additionalData,
		httpRequest: request,
		httpResponse: expressLikeResponse(res),
	} as unknown as IWorkflowExecuteAdditionalData;
}
