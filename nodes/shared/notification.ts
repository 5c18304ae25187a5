/**
 * The files-ready notification the API POSTs: {"urn": "...", "files": ["<url>", ...]}.
 * Anything else is refused before the workflow starts.
 */
export interface FilesReadyNotification {
	urn: string;
	files: string[];
}

export type ParseResult = { ok: true; notification: FilesReadyNotification } | { ok: false; problem: string };

const MAX_FILES = 100;
// API documentation, “Referral Status”: a URN is a "unique 10-symbol identifier" (e.g. TST0000001); allow some slack.
export const URN_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

function asObject(body: unknown): Record<string, unknown> | undefined {
	if (typeof body === 'string' || Buffer.isBuffer(body)) {
		try {
			return asObject(JSON.parse(body.toString()));
		} catch {
			return undefined;
		}
	}
	return body && typeof body === 'object' && !Array.isArray(body)
		? (body as Record<string, unknown>)
		: undefined;
}

export function parseNotification(body: unknown): ParseResult {
	const object = asObject(body);
	if (!object) return { ok: false, problem: 'the body must be a JSON object {"urn", "files"}' };
	const { urn, files } = object;
	if (typeof urn !== 'string' || !URN_PATTERN.test(urn)) {
		return { ok: false, problem: '"urn" must be a referral URN such as TST0000001' };
	}
	if (!Array.isArray(files) || files.length > MAX_FILES) {
		return { ok: false, problem: `"files" must be an array of at most ${MAX_FILES} URLs` };
	}
	for (const [index, file] of files.entries()) {
		let url: URL | undefined;
		try {
			url = typeof file === 'string' ? new URL(file) : undefined;
		} catch {
			url = undefined;
		}
		if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
			return { ok: false, problem: `"files[${index}]" must be an http(s) URL` };
		}
	}
	return { ok: true, notification: { urn, files: files as string[] } };
}
