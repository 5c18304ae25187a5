// prepare_fileupload and fileupload/<id>/add_file. The multipart body has already been streamed
// through the parser by the server (hash and size only), so nothing here holds file bytes.
import type { RequestContext } from '../http';
import { sendError, sendJson } from '../http';
import type { SandboxState } from '../state';
import { isValidationError, validateUploadHeaders } from '../validation';
import type { Route } from './route';
import { API_ROOT } from './route';

function prepareFileupload(state: SandboxState, ctx: RequestContext): void {
	const fileupload = state.store.createFileupload(ctx.practice?.apiKey ?? '');
	sendJson(ctx, 200, { status: 'success', fileupload_id: fileupload.id });
}

function addFile(state: SandboxState, ctx: RequestContext, match: RegExpExecArray): void {
	const id = /^\d+$/.test(match[1]) ? Number(match[1]) : NaN;
	const fileupload = Number.isNaN(id) ? undefined : state.store.fileupload(id);
	if (!fileupload || fileupload.apiKey !== ctx.practice?.apiKey) {
		sendError(ctx, 404, `Fileupload ${match[1]} not found`);
		return;
	}
	if (fileupload.expiredBy) {
		sendError(ctx, 404, `Fileupload ${id} has expired: its referral ${fileupload.expiredBy} was submitted`);
		return;
	}
	const headers = validateUploadHeaders(ctx.req.headers);
	if (isValidationError(headers)) {
		sendError(ctx, headers.status, headers.message);
		return;
	}
	if (ctx.multipartError) {
		sendError(ctx, 400, `add_file expects a multipart/form-data body: ${ctx.multipartError}`);
		return;
	}
	const part = ctx.parts?.find((candidate) => candidate.name === 'file');
	if (!part) {
		sendError(ctx, 400, "add_file expects a multipart/form-data body with a part named 'file'");
		return;
	}
	fileupload.files.push({
		filename: headers.filename,
		kind: headers.kind,
		date: headers.date,
		contentType: headers.contentType,
		size: part.size,
		sha256: part.sha256,
	});
	sendJson(ctx, 200, { status: 'success' });
}

export const fileuploadRoutes: Route[] = [
	{
		methods: ['GET', 'POST'],
		pattern: new RegExp(`^${API_ROOT}prepare_fileupload$`),
		auth: 'api',
		handle: prepareFileupload,
	},
	{
		methods: ['POST'],
		pattern: new RegExp(`^${API_ROOT}fileupload/([^/]+)/add_file$`),
		auth: 'api',
		handle: addFile,
	},
];
