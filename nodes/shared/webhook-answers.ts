import type { IBinaryKeyData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { Outcome } from './deliveries';
import { parseNotification, type ParseResult } from './notification';
import { checkPdfUrls, downloadPdfs } from './pdf-files';

/**
 * What the files-ready webhooks (the trigger and Wait for PDFs' resume URL) share: reading
 * the notification, answering the API, and fetching the PDFs so that a failure can be
 * answered non-200 and the API retries later (1 h, 4 h, 1 day).
 */

/**
 * How long a delivery may take before the API gets its answer. The API's own timeout is
 * not documented; n8n and the network add their share, so the node's work stops well
 * inside 5 seconds and anything slower (a large or slow PDF download) goes on after the
 * answer.
 */
export const ACK_DEADLINE_MS = 3_500;

/** Answers the caller (once); no workflow starts and a waiting execution keeps waiting. */
export function refuse(this: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	const response = this.getResponseObject();
	if (!response.headersSent) response.status(status).json({ status: 'error', message });
	return { noWebhookResponse: true };
}

/**
 * Answers 200 (once) with the small JSON the API expects — it only reads the status.
 * Answering here rather than through n8n's "onReceived" answer also makes n8n save the
 * trigger's static data before it starts the execution: n8n 2.x saves it in the answer
 * callback, which for "onReceived" runs only after the new execution has reset the data's
 * changed flag.
 */
export function acknowledge(this: IWebhookFunctions, message?: string): void {
	const response = this.getResponseObject();
	if (!response.headersSent) {
		response.status(200).json({ status: 'success', ...(message ? { message } : {}) });
	}
}

/** Answers a delivery's outcome: 200, or its refusal. */
export function answer(this: IWebhookFunctions, outcome: Outcome, message?: string): IWebhookResponseData {
	if (!outcome.ok) return refuse.call(this, outcome.status, outcome.message);
	acknowledge.call(this, message);
	return { noWebhookResponse: true };
}

/** The notification in the request: n8n parses JSON bodies; other content types leave the raw body. */
export function readNotification(this: IWebhookFunctions): ParseResult {
	const request = this.getRequestObject() as { body?: unknown; rawBody?: Buffer };
	const body = request.body;
	const parsedBody = body && typeof body === 'object' && Object.keys(body).length === 0 ? undefined : body;
	return parseNotification(parsedBody ?? request.rawBody);
}

export type PdfsResult =
	| { ok: true; binary: IBinaryKeyData }
	| { ok: false; status: number; message: string };

/**
 * Every URL is checked against the credential's origin before the first download (a
 * foreign one is the caller's fault: 400); a failed download is not (503: retry later).
 * Never throws.
 */
export async function fetchNotifiedPdfs(
	this: IWebhookFunctions,
	urn: string,
	files: string[],
): Promise<PdfsResult> {
	const locations = await checkPdfUrls.call(this, files, 'files').catch((error: Error) => error);
	if (locations instanceof Error) return { ok: false, status: 400, message: locations.message };
	try {
		return { ok: true, binary: await downloadPdfs.call(this, locations) };
	} catch (error) {
		return {
			ok: false,
			status: 503,
			message: `Could not download the PDFs of ${urn} now: ${(error as Error).message}`,
		};
	}
}
