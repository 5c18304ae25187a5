import {
	NodeOperationError,
	type IBinaryData,
	type IExecuteFunctions,
	type IN8nHttpFullResponse,
	type IPollFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';

import { apiCredential, apiRoot } from './api-root';
import type { ApiContext } from './context';
import { apiMessage, httpFailure, networkFailure, notPdfFailure, type FailureContext } from './errors';
import type { BinaryStream } from './multipart';
import { bodyKind, peekBody, type PeekedBody } from './pdf-signature';
import { DEFAULT_TIMEOUT_MS, interpretAnswer, send } from './request';

const ERROR_BODY_LIMIT = 64 * 1024;

/** A document URL, checked: absolute http(s) and on the credential's own origin. */
export interface DocumentLocation {
	url: string;
	fileName: string;
}

/**
 * Refuses any URL whose origin is not the credential's: the document URLs come from API
 * answers and webhook bodies, and the request to fetch them carries the API key.
 */
export async function checkDocumentUrl(
	this: ApiContext,
	value: unknown,
	field: string,
	itemIndex?: number,
): Promise<DocumentLocation> {
	const where = itemIndex === undefined ? '' : ` (item index ${itemIndex})`;
	let url: URL;
	try {
		url = new URL(String(value ?? '').trim());
	} catch {
		throw new NodeOperationError(this.getNode(), `${field}: must be an absolute http(s) URL${where}`, {
			itemIndex,
		});
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new NodeOperationError(this.getNode(), `${field}: must be an absolute http(s) URL${where}`, {
			itemIndex,
		});
	}
	const root = await apiRoot.call(this, itemIndex);
	if (url.origin !== root.origin) {
		throw new NodeOperationError(
			this.getNode(),
			`${field}: is on ${url.origin}, not on the credential's API origin ${root.origin}${where}`,
			{
				itemIndex,
				description:
					'Documents are only fetched from the origin of the Dental Referrals API credential, so that the API key is never sent anywhere else.',
			},
		);
	}
	const lastSegment = url.pathname.split('/').filter(Boolean).pop() ?? 'document.pdf';
	let fileName = lastSegment;
	try {
		fileName = decodeURIComponent(lastSegment);
	} catch {
		// A malformed escape keeps the raw segment as the name.
		fileName = lastSegment;
	}
	return { url: url.href, fileName: fileName.endsWith('.pdf') ? fileName : `${fileName}.pdf` };
}

async function readLimited(stream: BinaryStream): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of stream) {
		const buffer = chunk as Buffer;
		if (size < ERROR_BODY_LIMIT) chunks.push(buffer);
		size += buffer.length;
	}
	return Buffer.concat(chunks).toString('utf8').slice(0, ERROR_BODY_LIMIT);
}

/** The contexts that can keep a document as binary data. */
export type DocumentContext = IExecuteFunctions | IWebhookFunctions | IPollFunctions;

/**
 * Streams a document (a referral's PDF) into n8n's binary store with the credential's key:
 * memory does not grow with its size. Only a body that starts like a PDF is stored. A connection that breaks mid-body surfaces while the
 * store reads the stream, and is reported like any other network failure.
 */
export async function storeDocument(
	this: DocumentContext,
	location: DocumentLocation,
	call: { notFound: string; itemIndex?: number; timeoutMs?: number },
): Promise<IBinaryData> {
	const { itemIndex, timeoutMs = DEFAULT_TIMEOUT_MS } = call;
	const credential = await apiCredential.call(this, itemIndex);
	const { root } = credential;
	const failure: FailureContext = {
		node: this.getNode(),
		host: root.host,
		itemIndex,
		notFound: call.notFound,
	};
	const response: IN8nHttpFullResponse = await send.call(
		this,
		credential,
		{
			method: 'GET',
			url: location.url,
			encoding: 'stream',
			// The vendor's only documented PDF request sends Accept: application/json. A Rails-style
			// server picks token authentication by the requested format, and may answer another
			// format (application/pdf) with a redirect or a sign-in page: send what is documented.
			headers: { Accept: 'application/json' },
			timeoutMs,
		},
		failure,
	);
	const body = response.body as BinaryStream;
	if (response.statusCode !== 200) {
		interpretAnswer(response, await readLimited(body), failure);
		throw httpFailure(failure, response.statusCode, undefined, false);
	}
	const contentType = String(response.headers?.['content-type'] ?? '');
	let peeked: PeekedBody;
	try {
		peeked = await peekBody(body);
	} catch (error) {
		throw networkFailure(failure, error, timeoutMs);
	}
	const pdf = await checkedPdf(peeked, contentType, failure, location.fileName);
	try {
		return await this.helpers.prepareBinaryData(pdf, location.fileName, 'application/pdf');
	} catch (error) {
		throw networkFailure(failure, error, timeoutMs);
	}
}

/**
 * The body, unchanged, if it starts like a PDF; otherwise a failure naming what came back (a
 * sign-in page, a JSON error, nothing) instead of a file stored as application/pdf.
 */
async function checkedPdf(
	peeked: PeekedBody,
	contentType: string,
	failure: FailureContext,
	fileName: string,
): Promise<BinaryStream> {
	const kind = bodyKind(peeked.head);
	if (kind === 'a PDF') return peeked.body;
	await peeked.discard();
	const text = kind === 'JSON' && peeked.complete ? peeked.head.toString('utf8') : '';
	let apiText: string | undefined;
	try {
		apiText = text ? apiMessage(JSON.parse(text)) : undefined;
	} catch {
		apiText = undefined;
	}
	throw notPdfFailure(failure, `Document ${fileName}`, contentType, kind, apiText);
}
