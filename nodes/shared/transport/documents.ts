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
import { httpFailure, networkFailure, type FailureContext } from './errors';
import type { BinaryStream } from './multipart';
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
 * memory does not grow with its size. A connection that breaks mid-body surfaces while the
 * store reads the stream, and is reported like any other network failure.
 */
export async function storeDocument(
	this: DocumentContext,
	location: DocumentLocation,
	itemIndex?: number,
	timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<IBinaryData> {
	const credential = await apiCredential.call(this, itemIndex);
	const { root } = credential;
	const failure: FailureContext = {
		node: this.getNode(),
		host: root.host,
		itemIndex,
		notFound: `Document ${location.fileName}`,
	};
	const response: IN8nHttpFullResponse = await send.call(
		this,
		credential,
		{
			method: 'GET',
			url: location.url,
			encoding: 'stream',
			json: false,
			headers: { Accept: 'application/pdf' },
		},
		failure,
		timeoutMs,
	);
	const body = response.body as BinaryStream;
	const contentType = String(response.headers?.['content-type'] ?? '');
	// An error comes back as JSON (the seed's own example asks for it with Accept: application/json).
	if (response.statusCode !== 200 || contentType.includes('json')) {
		interpretAnswer(response, await readLimited(body), failure);
		throw httpFailure(failure, response.statusCode, undefined, false);
	}
	try {
		return await this.helpers.prepareBinaryData(body, location.fileName, 'application/pdf');
	} catch (error) {
		throw networkFailure(failure, error, timeoutMs);
	}
}
