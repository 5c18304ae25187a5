import type { IBinaryKeyData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { parseNotification, type ParseResult } from './notification';
import { checkPdfUrls, downloadPdfs } from './pdf-files';

/**
 * What the files-ready webhooks (the trigger and Wait for PDFs' resume URL) share: reading
 * the notification, refusing a call without starting or resuming anything, and fetching the
 * PDFs so that a failure answers non-200 and the API retries later (1 h, 4 h, 1 day).
 */

/** Answers the caller; no workflow starts and a waiting execution keeps waiting. */
export function refuse(this: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	this.getResponseObject().status(status).json({ status: 'error', message });
	return { noWebhookResponse: true };
}

/** The notification in the request: n8n parses JSON bodies; other content types leave the raw body. */
export function readNotification(this: IWebhookFunctions): ParseResult {
	const request = this.getRequestObject() as { body?: unknown; rawBody?: Buffer };
	const body = request.body;
	const parsedBody = body && typeof body === 'object' && Object.keys(body).length === 0 ? undefined : body;
	return parseNotification(parsedBody ?? request.rawBody);
}

export type PdfsResult = { ok: true; binary: IBinaryKeyData } | { ok: false; response: IWebhookResponseData };

/** Every URL is checked against the credential's origin before the first download. */
export async function fetchNotifiedPdfs(
	this: IWebhookFunctions,
	urn: string,
	files: string[],
): Promise<PdfsResult> {
	const locations = await checkPdfUrls.call(this, files, 'files').catch((error: Error) => error);
	if (locations instanceof Error) return { ok: false, response: refuse.call(this, 400, locations.message) };
	try {
		return { ok: true, binary: await downloadPdfs.call(this, locations) };
	} catch (error) {
		const message = `Could not download the PDFs of ${urn} now: ${(error as Error).message}`;
		return { ok: false, response: refuse.call(this, 503, message) };
	}
}
