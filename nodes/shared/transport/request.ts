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

/**
 * Sends a request with the credential's key. Redirects are never followed (the key must
 * not travel to another origin) and HTTP errors come back as answers, so that the caller
 * maps them itself; failures without an answer become key-free NodeApiErrors here.
 */
export async function send(
	this: ApiContext,
	credential: ApiCredential,
	options: IHttpRequestOptions,
	failure: FailureContext,
	timeoutMs: number,
): Promise<IN8nHttpFullResponse> {
	const { root, data } = credential;
	const credentialsDecrypted = { id: '', name: '', type: CREDENTIAL_TYPE, data };
	try {
		return (await this.helpers.httpRequestWithAuthentication.call(
			this,
			CREDENTIAL_TYPE,
			{
				...options,
				timeout: timeoutMs,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				sendCredentialsOnCrossOriginRedirect: false,
				allowedDomains: root.hostname,
			},
			{ credentialsDecrypted },
		)) as IN8nHttpFullResponse;
	} catch (error) {
		throw networkFailure(failure, error, timeoutMs);
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
	const options: IHttpRequestOptions = {
		method: call.method,
		baseURL: root.baseUrl,
		url: call.endpoint,
		qs: call.qs,
		headers: { Accept: 'application/json', ...call.headers },
		encoding: 'text',
		json: false,
	};
	if (call.form) {
		options.body = new URLSearchParams(call.form);
	} else if (call.file) {
		const multipart = multipartBody(call.file);
		options.body = multipart.body as IHttpRequestOptions['body'];
		options.headers = { ...options.headers, ...multipart.headers };
	}
	const timeoutMs = call.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const response = await send.call(this, credential, options, failure, timeoutMs);
	const answer = interpretAnswer(response, bodyText(response.body), failure);
	const problem = call.check?.(answer);
	if (problem) throw malformedAnswer(failure, call.endpoint, problem.expected, kindOf(problem.found));
	return answer;
}
