/**
 * The Dental Referrals sandbox in its own process (its compiled CLI on a free port), so the
 * API side never shares an event loop or a heap with the client being measured.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { trackProcessGroup } from '../n8n/cleanup';
import { DEMO_PRACTICES } from '../sandbox/practices';

const START_TIMEOUT_MS = 30_000;

export interface SandboxProcess {
	origin: string;
	baseUrl: string;
	apiKey: string;
	formType: string;
	/** The requests the sandbox recorded since the last clear (control endpoint). */
	requests(): Promise<
		Array<{ path: string; headers: Record<string, string>; bodyText?: string; status: number }>
	>;
	clearRequests(): Promise<void>;
	/** TCP connections the sandbox has accepted so far (counted on the server side). */
	connections(): Promise<number>;
	/** Every API call answered `ms` later (the sandbox's 'slow' fault), or no delay for 0. */
	setLatency(ms: number): Promise<void>;
	/** A synthetic PDF of exactly `bytes` bytes, streamed by the sandbox on download. */
	addDocument(bytes: number): Promise<string>;
	stop(): Promise<void>;
}

async function control<T>(origin: string, method: string, action: string, body?: unknown): Promise<T> {
	const response = await fetch(`${origin}/__sandbox/${action}`, {
		method,
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
		signal: AbortSignal.timeout(30_000),
	});
	const text = await response.text();
	if (!response.ok)
		throw new Error(`sandbox ${method} ${action}: HTTP ${response.status} ${text.slice(0, 200)}`);
	return JSON.parse(text) as T;
}

/** A sandbox's API and control endpoint, without the power to stop it (it may be another process's). */
export type RunningSandbox = Omit<SandboxProcess, 'stop'>;

/** Latency for every API call of a sandbox (its control endpoint; in this or another process). */
export async function setLatency(origin: string, ms: number): Promise<void> {
	await control(origin, 'DELETE', 'faults');
	if (ms > 0) await control(origin, 'POST', 'faults', { kind: 'slow', delayMs: ms, times: 'Infinity' });
}

/** A sandbox already running at `origin` (started by this or another process), its first demo practice. */
export function sandboxAt(origin: string): RunningSandbox {
	const practice = DEMO_PRACTICES[0];
	return {
		origin,
		baseUrl: `${origin}/react4r/v2/`,
		apiKey: practice.apiKey,
		formType: practice.forms[0],
		requests: () => control(origin, 'GET', 'requests'),
		clearRequests: async () => {
			await control(origin, 'DELETE', 'requests');
		},
		connections: async () =>
			(await control<{ connections: number }>(origin, 'GET', 'connections')).connections,
		setLatency: (ms) => setLatency(origin, ms),
		addDocument: async (bytes) =>
			(await control<{ url: string }>(origin, 'POST', 'documents', { apiKey: practice.apiKey, bytes })).url,
	};
}

export async function startSandboxProcess(): Promise<SandboxProcess> {
	const cli = join(__dirname, '..', 'sandbox', 'cli.js');
	const child = spawn(process.execPath, [cli, '--port', '0'], {
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	if (child.pid === undefined) throw new Error(`could not start ${cli}`);
	const untrack = trackProcessGroup(child.pid);
	let output = '';
	const origin = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`the sandbox did not start within ${START_TIMEOUT_MS} ms: ${output}`)),
			START_TIMEOUT_MS,
		);
		const onData = (chunk: Buffer) => {
			output += chunk.toString('utf8');
			const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
			if (match) {
				clearTimeout(timer);
				resolve(match[1]);
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`the sandbox exited (${code}): ${output}`));
		});
	});
	// Keep draining its output so it never blocks on a full pipe.
	child.stdout.resume();
	child.stderr.resume();
	const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
	return {
		...sandboxAt(origin),
		async stop() {
			if (child.exitCode === null) {
				child.kill('SIGTERM');
				const limit = setTimeout(() => child.kill('SIGKILL'), 5_000);
				await exited;
				clearTimeout(limit);
			}
			untrack();
		},
	};
}
