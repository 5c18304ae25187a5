// Public types of the sandbox. Other code (node tests, e2e, benchmarks) relies on these names.

export interface PracticeSeed {
	name: string;
	apiKey: string;
	forms: string[];
}

export interface SandboxOptions {
	/** Default 0 = a free port. */
	port?: number;
	/** Default '127.0.0.1'. */
	host?: string;
	/** Default DEMO_PRACTICES. */
	practices?: PracticeSeed[];
	/** Multiplies the documented 1 h / 4 h / 1 day webhook retry delays; default 1 (tests use e.g. 1e-5). */
	webhookTimeScale?: number;
	/** Per delivery attempt, default 10000. */
	webhookTimeoutMs?: number;
}

export interface RecordedRequest {
	method: string;
	/** Path without the query string. */
	path: string;
	/** Decoded query parameters (first value wins). */
	query: Record<string, string>;
	/** Lower-cased header names, raw values (including authorization). */
	headers: Record<string, string>;
	contentType?: string;
	/** Bodies up to 1 MiB that are not multipart. */
	bodyText?: string;
	/** Parsed application/x-www-form-urlencoded body. */
	form?: Record<string, string>;
	/** multipart/form-data parts, streamed: only size and hash are kept. */
	parts?: Array<{
		name: string;
		filename?: string;
		contentType?: string;
		size: number;
		sha256: string;
		/** The part's header lines as received (UTF-8). */
		headerLines: string[];
	}>;
	/** The key the request authenticated with, if it did. */
	apiKey?: string;
	/** Status the sandbox answered; 0 while unanswered or when the socket was dropped without an answer. */
	status: number;
	/** Arrival time, ms since epoch. */
	at: number;
}

export type Fault = {
	method?: string;
	/** Exact request path (e.g. '/react4r/v2/prepare_form') or a RegExp tested against it. */
	path?: string | RegExp;
	/** Default 1; Infinity allowed. */
	times?: number;
} & (
	| { kind: 'slow'; delayMs: number }
	| { kind: 'status'; status: number; body?: string; contentType?: string }
	| { kind: 'apiError'; message: string }
	| { kind: 'nonJson' }
	| { kind: 'truncated' }
	| { kind: 'drop' }
	| { kind: 'redirect'; location: string; status?: number }
	/** 200 with something that is not a PDF, as a sign-in page, an error or a broken export would be. */
	| { kind: 'notPdf'; body: 'html' | 'json' | 'empty' }
	/** 200 with this JSON value instead of the method's answer, e.g. {"status":"success"} without its id. */
	| { kind: 'answer'; json: unknown }
);

export interface SubmittedReferral {
	urn: string;
	files: string[];
}

export interface SubmitOptions {
	referralReason?: string;
	referrerName?: string;
	/** Only for prepared forms made with system_type=SE and no form_type: the type the user picks. Default: the practice's first form. */
	formType?: string;
	/** Test-only: do not deliver the files-ready notification (a test delivers it itself). */
	skipWebhook?: boolean;
}

export interface WebhookAttempt {
	urn: string;
	url: string;
	/** 1-based. */
	attempt: number;
	/** How long the attempt took until the answer (or the failure), ms. */
	durationMs?: number;
	/** When the attempt started, ms since epoch. */
	at: number;
	/** HTTP status the receiver answered, if it answered. */
	status?: number;
	/** Network error or timeout, if it did not. */
	error?: string;
}

export interface Sandbox {
	/** 'http://127.0.0.1:PORT' */
	origin: string;
	/** origin + '/react4r/v2/' (API root, trailing slash). */
	baseUrl: string;
	practices: PracticeSeed[];
	/** Every request received, in arrival order (control endpoints excluded). Live array. */
	requests: RecordedRequest[];
	clearRequests(): void;
	addFault(fault: Fault): void;
	clearFaults(): void;
	/** Simulates the person submitting the prepared form or the draft (by URN, prepared-form token or prepared_form_url). */
	submit(urnOrToken: string, options?: SubmitOptions): Promise<SubmittedReferral>;
	/** Issues practice `index` a new API key (returned); the old one is refused from then on. */
	rotateKey(index: number): string;
	/** Moves a submitted referral's status, e.g. 'Entered on System' -> 'Sent to: St Clements Dental Suite' -> 'Accepted'. */
	setStatus(urn: string, status: string): void;
	/** Registers a large synthetic PDF of exactly `bytes` bytes, streamed on download, for benchmarks. Returns its URL. */
	addSyntheticDocument(apiKey: string, bytes: number): string;
	/** Every files-ready delivery attempt, recorded when the attempt finished. Live array. */
	webhookAttempts: WebhookAttempt[];
	/** Polls the predicate; rejects with a clear message on timeout (default 5000 ms). */
	waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
	/** Stops the server, pending webhook retries and timers. Idempotent. */
	close(): Promise<void>;
}
