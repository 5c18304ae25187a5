// available_forms, prepare_form and save_draft.
import { createHash } from 'node:crypto';

import type { RequestContext } from '../http';
import { firstValues, mediaType, sendError, sendJson } from '../http';
import type { SandboxState } from '../state';
import { FORM_PARAMETERS, validateFormParams } from '../validation';
import type { Route } from './route';
import { API_ROOT } from './route';

function availableForms(_state: SandboxState, ctx: RequestContext): void {
	sendJson(ctx, 200, ctx.practice?.forms ?? []);
}

/**
 * PTGUID: the documentation calls it "a Base64 hash of the API key + patient_identifier", and its
 * example PTGUID does not decode to its example key. So the sandbox hashes first (SHA-256 of key +
 * identifier, first 20 bytes) and Base64-encodes the digest: deterministic per key and
 * identifier, 28 characters of Base64 text like the documented example, and one-way, so an
 * execution holding a PTGUID never holds the key. (Plain Base64 of key + identifier would put the
 * key, Base64-encoded, in every such execution.)
 */
export function ptguidFor(apiKey: string, patientIdentifier: string): string {
	return createHash('sha256')
		.update(apiKey + patientIdentifier, 'utf8')
		.digest()
		.subarray(0, 20)
		.toString('base64');
}

function createReferral(method: 'prepare_form' | 'save_draft') {
	return (state: SandboxState, ctx: RequestContext): void => {
		const practice = ctx.practice;
		if (!practice) return;
		if (mediaType(ctx.contentType) !== 'application/x-www-form-urlencoded' || !ctx.form) {
			sendError(
				ctx,
				400,
				`${method} expects an application/x-www-form-urlencoded body (got ${ctx.contentType ?? 'no Content-Type'})`,
			);
			return;
		}
		const sent = firstValues(ctx.form);
		const params: Record<string, string> = {};
		for (const name of FORM_PARAMETERS) if (sent[name] !== undefined) params[name] = sent[name];

		const invalid = validateFormParams(params, practice, method);
		if (invalid) {
			sendError(ctx, invalid.status, invalid.message);
			return;
		}
		let fileuploadId: number | undefined;
		if (params.fileupload_id !== undefined) {
			fileuploadId = Number(params.fileupload_id);
			const fileupload = state.store.fileupload(fileuploadId);
			if (!fileupload || fileupload.apiKey !== practice.apiKey) {
				sendError(ctx, 404, `fileupload_id ${fileuploadId} not found`);
				return;
			}
			if (fileupload.expiredBy) {
				sendError(
					ctx,
					404,
					`fileupload_id ${fileuploadId} has expired: referral ${fileupload.expiredBy} using it was submitted`,
				);
				return;
			}
		}
		const ptguid = params.patient_identifier
			? ptguidFor(practice.apiKey, params.patient_identifier)
			: undefined;
		const referral = state.store.createReferral({
			apiKey: practice.apiKey,
			source: method,
			params,
			ptguid,
			fileuploadId,
		});
		const answer: Record<string, unknown> = { status: 'success' };
		if (method === 'prepare_form')
			answer.prepared_form_url = `${state.origin}/prepared_forms/show/${referral.token}`;
		else answer.draft_id = referral.draftId;
		answer.urn = referral.urn;
		if (ptguid) answer.ptguid = ptguid;
		sendJson(ctx, 200, answer);
	};
}

export const formRoutes: Route[] = [
	{
		methods: ['GET'],
		pattern: new RegExp(`^${API_ROOT}available_forms$`),
		auth: 'api',
		handle: availableForms,
	},
	{
		methods: ['POST'],
		pattern: new RegExp(`^${API_ROOT}prepare_form$`),
		auth: 'api',
		handle: createReferral('prepare_form'),
	},
	{
		methods: ['POST'],
		pattern: new RegExp(`^${API_ROOT}save_draft$`),
		auth: 'api',
		handle: createReferral('save_draft'),
	},
];
