// GET /documents/...: PDF downloads, for the owning practice's key only.
import { pipeline } from 'node:stream/promises';
import { NOT_AUTHORIZED_MESSAGE } from '../auth';
import type { RequestContext } from '../http';
import { send, sendError } from '../http';
import type { SandboxState } from '../state';
import type { Route } from './route';

async function download(state: SandboxState, ctx: RequestContext): Promise<void> {
	const document = state.store.documentByPath(ctx.path);
	if (!document) {
		sendError(ctx, 404, 'Document not found');
		return;
	}
	if (document.apiKey !== ctx.practice?.apiKey) {
		// Another practice's document: the documented 401 ("... that you have access to requested resource").
		sendError(ctx, 401, NOT_AUTHORIZED_MESSAGE);
		return;
	}
	const headers = {
		'Content-Type': 'application/pdf',
		'Content-Disposition': `attachment; filename="${document.filename}"`,
	};
	if (document.bytes) {
		send(ctx, 200, document.bytes, headers);
		return;
	}
	ctx.record.status = 200;
	ctx.res.writeHead(200, { ...headers, 'Content-Length': String(document.size) });
	if (!document.stream) {
		ctx.res.end();
		return;
	}
	try {
		await pipeline(document.stream(), ctx.res);
	} catch {
		// The client went away mid-download: nothing to answer.
	}
}

export const documentRoutes: Route[] = [
	{ methods: ['GET'], pattern: /^\/documents\/.+$/, auth: 'api', handle: download },
];
