// Fault injection: a list of faults matched against incoming requests, and how each is acted out.
import type { RequestContext } from './http';
import { send, sendError, sendJson } from './http';
import type { Fault } from './types';

interface ActiveFault {
	fault: Fault;
	remaining: number;
}

export class FaultList {
	private faults: ActiveFault[] = [];

	add(fault: Fault): void {
		const times = fault.times ?? 1;
		if (!(times > 0)) throw new Error('fault.times must be a positive number or Infinity');
		this.faults.push({ fault, remaining: times });
	}

	clear(): void {
		this.faults = [];
	}

	/** The first fault matching the request, counted as used once. */
	take(method: string, path: string): Fault | undefined {
		const active = this.faults.find(({ fault }) => {
			if (fault.method && fault.method.toUpperCase() !== method) return false;
			if (fault.path === undefined) return true;
			return typeof fault.path === 'string' ? fault.path === path : fault.path.test(path);
		});
		if (!active) return undefined;
		active.remaining -= 1;
		if (active.remaining <= 0) this.faults = this.faults.filter((entry) => entry !== active);
		return active.fault;
	}
}

/** A page like the ones proxies and maintenance screens answer with instead of JSON. */
const HTML_PAGE =
	'<!DOCTYPE html><html><head><title>Service temporarily unavailable</title></head>' +
	'<body><h1>We&rsquo;ll be right back</h1><p>Dental Referrals is undergoing maintenance.</p></body></html>';

/** A Rails-style sign-in page, as a server answers a format it does not authenticate by token. */
const SIGN_IN_PAGE =
	'<!DOCTYPE html><html><head><title>Sign in</title></head><body><form action="/users/sign_in" method="post">' +
	'<input name="user[email]"><input type="password" name="user[password]"></form></body></html>';

function actOutNotPdf(ctx: RequestContext, body: 'html' | 'json' | 'empty'): void {
	if (body === 'html') send(ctx, 200, SIGN_IN_PAGE, { 'Content-Type': 'text/html; charset=utf-8' });
	else if (body === 'json')
		sendError(ctx, 200, 'Not Authorized. Check that you are providing a valid API key.');
	else send(ctx, 200, '', { 'Content-Type': 'application/pdf' });
}

/**
 * Acts the fault out. Returns true when the answer is done (or the socket dropped), false when the
 * request should go on to its normal answer (after a 'slow' delay).
 */
export async function actOutFault(
	ctx: RequestContext,
	fault: Fault,
	delay: (ms: number) => Promise<void>,
): Promise<boolean> {
	switch (fault.kind) {
		case 'slow':
			await delay(fault.delayMs);
			return false;
		case 'status': {
			if (fault.body === undefined) {
				sendError(ctx, fault.status, `Injected fault: HTTP ${fault.status}`);
			} else {
				const looksJson = /^\s*[[{]/.test(fault.body);
				const contentType =
					fault.contentType ?? (looksJson ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8');
				send(ctx, fault.status, fault.body, { 'Content-Type': contentType });
			}
			return true;
		}
		case 'apiError':
			sendJson(ctx, 200, { status: 'error', message: fault.message });
			return true;
		case 'nonJson':
			send(ctx, 200, HTML_PAGE, { 'Content-Type': 'text/html; charset=utf-8' });
			return true;
		case 'truncated': {
			// Promise more bytes than are sent, then end the connection mid-body.
			const full = Buffer.from(JSON.stringify({ status: 'success', padding: 'x'.repeat(256) }));
			ctx.record.status = 200;
			ctx.res.writeHead(200, {
				'Content-Type': 'application/json; charset=utf-8',
				'Content-Length': String(full.length),
			});
			ctx.res.write(full.subarray(0, 40), () => ctx.res.socket?.destroy());
			return true;
		}
		case 'drop':
			ctx.record.status = 0;
			ctx.req.socket.destroy();
			return true;
		case 'redirect':
			send(ctx, fault.status ?? 302, '', { Location: fault.location });
			return true;
		case 'notPdf':
			actOutNotPdf(ctx, fault.body);
			return true;
		case 'answer':
			sendJson(ctx, 200, fault.json);
			return true;
		default:
			return false;
	}
}

/** Reads a fault from JSON (control endpoint): path is a string only; times may be "Infinity" or null. */
export function faultFromJson(value: unknown): Fault {
	if (typeof value !== 'object' || value === null) throw new Error('fault must be a JSON object');
	const input = value as Record<string, unknown>;
	const kinds = [
		'slow',
		'status',
		'apiError',
		'nonJson',
		'truncated',
		'drop',
		'redirect',
		'notPdf',
		'answer',
	];
	if (typeof input.kind !== 'string' || !kinds.includes(input.kind))
		throw new Error(`fault.kind must be one of: ${kinds.join(', ')}`);
	if (input.path !== undefined && typeof input.path !== 'string')
		throw new Error('fault.path must be a string');
	if (input.method !== undefined && typeof input.method !== 'string')
		throw new Error('fault.method must be a string');
	const times = input.times === 'Infinity' || input.times === null ? Infinity : input.times;
	if (times !== undefined && typeof times !== 'number')
		throw new Error('fault.times must be a number or "Infinity"');
	const need = (field: string, type: 'number' | 'string') => {
		if (typeof input[field] !== type)
			throw new Error(`fault.${field} must be a ${type} for kind ${input.kind}`);
	};
	if (input.kind === 'slow') need('delayMs', 'number');
	if (input.kind === 'status') need('status', 'number');
	if (input.kind === 'apiError') need('message', 'string');
	if (input.kind === 'redirect') need('location', 'string');
	if (input.kind === 'notPdf' && !['html', 'json', 'empty'].includes(input.body as string))
		throw new Error('fault.body must be one of html, json, empty for kind notPdf');
	if (input.kind === 'answer' && !('json' in input))
		throw new Error('fault.json is required for kind answer');
	return { ...input, times } as Fault;
}
