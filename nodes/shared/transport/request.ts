import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../../../credentials/DentalReferralsApi.credentials';
import { apiCredential, type ApiCredential } from './api-root';
import type { ApiContext } from './context';
import { kindOf, type AnswerCheck } from './answer-problem';
import { httpFailure, malformedAnswer, networkFailure, type FailureContext } from './errors';
import { multipartBody, type UploadFile } from './multipart';
import { nodeOf } from '../node-of';

export const DEFAULT_TIMEOUT_MS = 60_000;

/** One call to the API, relative to the credential's API root. */
export interface ApiCall {
	method: 'GET' | 'POST';
	endpoint: string;
	qs?: Record<string, string | number>;
	/** Sent as application/x-www-form-urlencoded, the API's only body format for POSTs. */
	form?: Record<string, string>;
	/** Sent as multipart/form-data, part `file`, streamed from n8n's binary store. */
	file?: UploadFile;
	headers?: Record<string, string>;
	itemIndex?: number;
	/** What a 404 means for this call, e.g. "Referral TST0000001". */
	notFound?: string;
	/** The documented shape of a successful answer, checked before anyone reads it. */
	check?: AnswerCheck;
	timeoutMs?: number;
}

/** What differs between the API's requests; `send` adds the rest. */
export interface RequestParts {
	method: 'GET' | 'POST';
	/** Relative to the API root, or absolute (a document URL, already checked to be on its origin). */
	url: string;
	qs?: Record<string, string | number>;
	headers: Record<string, string>;
	encoding: 'text' | 'stream';
	body?: IHttpRequestOptions['body'];
	timeoutMs: number;
}

/**
 * Sends a request with the credential's key. Redirects are never followed (the key must
 * not travel to another origin) and HTTP errors come back as answers, so that the caller
 * maps them itself; failures without an answer become key-free NodeApiErrors here.
 *
 * The options are one object literal of a fixed shape: n8n's request path and axios read
 * every option of every request, and a spread copy (`{ ...options, timeout }`) made that
 * path measurably slower per request (bench/results.md, “Where Prepare Form’s time goes”).
 */
export async function send(
	this: ApiContext,
	credential: ApiCredential,
	parts: RequestParts,
	failure: FailureContext,
): Promise<IN8nHttpFullResponse> {
	const { root } = credential;
	const options: IHttpRequestOptions = {
		method: parts.method,
		baseURL: root.baseUrl,
		url: parts.url,
		headers: parts.headers,
		encoding: parts.encoding,
		json: false,
		body: parts.body,
		timeout: parts.timeoutMs,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
		allowedDomains: root.hostname,
	};
	if (parts.qs) options.qs = parts.qs;
	try {
		return (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, options, {
			credentialsDecrypted: credential.decrypted,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		throw networkFailure(failure, error, parts.timeoutMs);
	}
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false };
	}
}

export function bodyText(body: unknown): string {
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (body === undefined || body === null) return '';
	return JSON.stringify(body);
}

/** Maps an answer to its JSON value, or throws the contract's error for it. */
export function interpretAnswer(
	response: IN8nHttpFullResponse,
	text: string,
	failure: FailureContext,
): unknown {
	const parsed = parseJson(text);
	const status = response.statusCode;
	const location = response.headers?.location as string | undefined;
	if (status < 200 || status >= 300 || !parsed.ok) {
		throw httpFailure(failure, status, parsed.ok ? parsed.value : undefined, parsed.ok, location);
	}
	const value = parsed.value;
	if (value && typeof value === 'object' && (value as IDataObject).status === 'error') {
		throw httpFailure(failure, status, value, true);
	}
	return value;
}

/**
 * Calls an API method and returns its JSON answer, checked against the documented shape the
 * caller gives (`check`); every failure is a NodeApiError.
 */
export async function apiRequest(this: ApiContext, call: ApiCall): Promise<unknown> {
	const credential = await apiCredential.call(this, call.itemIndex);
	const { root } = credential;
	const failure: FailureContext = {
		node: nodeOf(this),
		host: root.host,
		itemIndex: call.itemIndex,
		notFound: call.notFound,
	};
	let body: IHttpRequestOptions['body'];
	let headers: Record<string, string> = { Accept: 'application/json', ...call.headers };
	if (call.form) {
		body = new URLSearchParams(call.form);
	} else if (call.file) {
		const multipart = multipartBody(call.file);
		body = multipart.body as IHttpRequestOptions['body'];
		headers = { ...headers, ...multipart.headers };
	}
	const response = await send.call(
		this,
		credential,
		{
			method: call.method,
			url: call.endpoint,
			qs: call.qs,
			headers,
			encoding: 'text',
			body,
			timeoutMs: call.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		},
		failure,
	);
	const answer = interpretAnswer(response, bodyText(response.body), failure);
	const problem = call.check?.(answer);
	if (problem) throw malformedAnswer(failure, call.endpoint, problem.expected, kindOf(problem.found));
	return answer;
}
