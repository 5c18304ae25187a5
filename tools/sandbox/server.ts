// The HTTP server: records each request, reads its body, applies injected faults, authenticates
// and routes. Also builds the Sandbox object that tests drive in-process.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate, NOT_AUTHORIZED_MESSAGE } from './auth';
import { readBody } from './body';
import { CONTROL_PREFIX, handleControl } from './control';
import { SandboxError } from './errors';
import { actOutFault, FaultList } from './faults';
import type { RequestContext } from './http';
import { firstValues, sendError } from './http';
import { recordedPart } from './multipart';
import { syntheticPdf } from './pdf';
import { DEMO_PRACTICES } from './practices';
import { isAuthenticatedArea, ROUTES } from './routes';
import type { SandboxState } from './state';
import { SandboxStore } from './store';
import { findReferral, submitReferral } from './submission';
import type { RecordedRequest, Sandbox, SandboxOptions, WebhookAttempt } from './types';
import { WebhookDispatcher } from './webhooks';

function recordHeaders(req: http.IncomingMessage): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return headers;
}

async function handleRequest(
	state: SandboxState,
	req: http.IncomingMessage,
	res: http.ServerResponse,
): Promise<void> {
	// An origin-form target is a path: '//x' is the path '//x', not a scheme-relative URL of host x.
	const target = req.url ?? '/';
	const url = new URL(
		target.startsWith('/') ? `http://sandbox.invalid${target}` : target,
		'http://sandbox.invalid',
	);
	const method = (req.method ?? 'GET').toUpperCase();
	if (url.pathname.startsWith(CONTROL_PREFIX)) {
		await handleControl(state, req, res, url.pathname);
		return;
	}
	const contentType = req.headers['content-type'];
	const record: RecordedRequest = {
		method,
		path: url.pathname,
		query: firstValues(url.searchParams),
		headers: recordHeaders(req),
		contentType,
		status: 0,
		at: Date.now(),
	};
	state.requests.push(record);
	const ctx: RequestContext = {
		req,
		res,
		method,
		path: url.pathname,
		query: url.searchParams,
		record,
		contentType,
		bodySize: 0,
	};
	try {
		await answer(state, ctx, url);
	} catch (error) {
		// Never crash: an unexpected exception is a documented 500.
		if (!res.headersSent && !res.destroyed)
			sendError(ctx, 500, `Sandbox internal error: ${(error as Error).message}`);
		else res.destroy();
	}
}

async function answer(state: SandboxState, ctx: RequestContext, url: URL): Promise<void> {
	const { req, record, method } = ctx;
	try {
		await readBody(ctx);
	} catch {
		// The client went away mid-body; there is nobody to answer.
		req.socket.destroy();
		return;
	}
	if (ctx.body && !ctx.parts) record.bodyText = ctx.body.toString('utf8');
	if (ctx.form) record.form = firstValues(ctx.form);
	if (ctx.parts) record.parts = ctx.parts.map(recordedPart);
	ctx.practice = authenticate(req.headers, url.searchParams, state.store);
	if (ctx.practice) record.apiKey = ctx.practice.apiKey;

	// Faults stand in for the server or a proxy in front of it, so they come before auth and routing.
	const fault = state.faults.take(method, url.pathname);
	if (fault && (await actOutFault(ctx, fault, state.delay))) return;

	const route = ROUTES.find(
		(candidate) => candidate.pattern.test(url.pathname) && candidate.methods.includes(method),
	);
	const needsAuth = route ? route.auth === 'api' : isAuthenticatedArea(url.pathname);
	if (needsAuth && !ctx.practice) {
		sendError(ctx, 401, NOT_AUTHORIZED_MESSAGE);
		return;
	}
	if (!route) {
		sendError(ctx, 404, `No such endpoint: ${method} ${url.pathname}`);
		return;
	}
	await route.handle(state, ctx, route.pattern.exec(url.pathname) as RegExpExecArray);
}

function originFor(host: string, port: number): string {
	const loopback = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
	return `http://${loopback.includes(':') ? `[${loopback}]` : loopback}:${port}`;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const host = options.host ?? '127.0.0.1';
	const practices = (options.practices ?? DEMO_PRACTICES).map((practice) => ({
		...practice,
		forms: [...practice.forms],
	}));
	const store = new SandboxStore(practices);
	const requests: RecordedRequest[] = [];
	const webhookAttempts: WebhookAttempt[] = [];
	const webhooks = new WebhookDispatcher(
		webhookAttempts,
		options.webhookTimeScale ?? 1,
		options.webhookTimeoutMs ?? 10000,
	);
	const faults = new FaultList();
	const timers = new Set<NodeJS.Timeout>();
	let closed = false;

	const state: SandboxState = {
		origin: '',
		store,
		faults,
		webhooks,
		requests,
		webhookAttempts,
		connections: 0,
		submit: (urnOrToken, submitOptions) =>
			submitReferral(store, webhooks, state.origin, urnOrToken, submitOptions),
		setStatus(urn, status) {
			const referral = findReferral(store, urn);
			if (!referral?.submission) throw new SandboxError(404, `Referral ${urn} has not been submitted`);
			referral.submission.status = status;
		},
		addSyntheticDocument(apiKey, bytes) {
			if (!store.practice(apiKey)) throw new SandboxError(400, 'apiKey is not one of the sandbox practices');
			const filename = `SYNTHETIC_${bytes}.pdf`;
			const pdf = syntheticPdf(
				filename,
				['Dental Referrals sandbox', `Synthetic benchmark document of ${bytes} bytes`],
				bytes,
			);
			const document = store.addDocument({ apiKey, filename, size: pdf.size, stream: pdf.stream });
			return state.origin + document.path;
		},
		delay: (ms) =>
			new Promise((resolve) => {
				if (closed) return;
				const timer = setTimeout(() => {
					timers.delete(timer);
					resolve();
				}, ms);
				timers.add(timer);
			}),
	};

	const server = http.createServer((req, res) => {
		handleRequest(state, req, res).catch((error: Error) => {
			// Errors outside a recorded request (bad URL, control endpoints): still never crash.
			if (!res.headersSent && !res.destroyed) {
				const body = JSON.stringify({ status: 'error', message: `Sandbox internal error: ${error.message}` });
				res.writeHead(500, {
					'Content-Type': 'application/json; charset=utf-8',
					'Content-Length': String(Buffer.byteLength(body)),
				});
				res.end(body);
			} else {
				res.destroy();
			}
		});
	});
	server.on('connection', () => {
		state.connections++;
	});
	server.on('clientError', (_error, socket) => {
		if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
		else socket.destroy();
	});

	await new Promise<void>((resolve, reject) => {
		// Worded like the e2e stack's port check (tools/n8n/ports.ts), so `npm start` twice reads the same for both.
		const failed = (error: NodeJS.ErrnoException) =>
			reject(
				error.code === 'EADDRINUSE'
					? new Error(
							`Dental Referrals sandbox: port ${options.port} on ${host} is already in use (stop whatever listens there or choose another port)`,
						)
					: error,
			);
		server.once('error', failed);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', failed);
			resolve();
		});
	});
	const { port } = server.address() as AddressInfo;
	state.origin = originFor(host, port);

	let closing: Promise<void> | undefined;
	const sandbox: Sandbox = {
		origin: state.origin,
		baseUrl: `${state.origin}/react4r/v2/`,
		practices,
		requests,
		webhookAttempts,
		clearRequests: () => {
			requests.length = 0;
		},
		addFault: (fault) => faults.add(fault),
		clearFaults: () => faults.clear(),
		submit: async (urnOrToken, submitOptions) => state.submit(urnOrToken, submitOptions),
		setStatus: (urn, status) => state.setStatus(urn, status),
		addSyntheticDocument: (apiKey, bytes) => state.addSyntheticDocument(apiKey, bytes),
		rotateKey: (index) => store.rotateKey(practices[index].apiKey),
		waitFor: async (predicate, timeoutMs = 5000) => {
			const deadline = Date.now() + timeoutMs;
			while (!predicate()) {
				if (Date.now() > deadline)
					throw new Error(`sandbox.waitFor: condition still false after ${timeoutMs} ms`);
				await new Promise((resolve) => setTimeout(resolve, 10));
			}
		},
		close: () => {
			closing ??= new Promise<void>((resolve) => {
				closed = true;
				webhooks.close();
				for (const timer of timers) clearTimeout(timer);
				timers.clear();
				server.close(() => resolve());
				server.closeAllConnections();
			});
			return closing;
		},
	};
	return sandbox;
}
