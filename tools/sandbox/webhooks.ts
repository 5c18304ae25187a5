// files-ready webhook delivery: POST {"urn","files"} as JSON; on a non-200 answer or a network
// error, retry 3 more times after 1 h, 4 h and 1 day (as documented), scaled by webhookTimeScale.
import http from 'node:http';
import https from 'node:https';
import type { WebhookAttempt } from './types';

const HOUR_MS = 60 * 60 * 1000;
export const RETRY_DELAYS_MS = [HOUR_MS, 4 * HOUR_MS, 24 * HOUR_MS];

interface DeliveryResult {
	status?: number;
	error?: string;
}

export class WebhookDispatcher {
	private readonly timers = new Set<NodeJS.Timeout>();
	private readonly inFlight = new Set<http.ClientRequest>();
	private closed = false;

	constructor(
		private readonly attempts: WebhookAttempt[],
		private readonly timeScale: number,
		private readonly timeoutMs: number,
	) {}

	/** Starts delivery in the background; never blocks the caller. */
	deliver(urn: string, url: string, files: string[]): void {
		this.schedule(urn, url, JSON.stringify({ urn, files }), 1, 0);
	}

	/** Cancels pending retries and aborts deliveries under way. */
	close(): void {
		this.closed = true;
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		for (const request of this.inFlight) request.destroy();
		this.inFlight.clear();
	}

	private schedule(urn: string, url: string, payload: string, attempt: number, delayMs: number): void {
		if (this.closed) return;
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			void this.attempt(urn, url, payload, attempt);
		}, delayMs);
		this.timers.add(timer);
	}

	private async attempt(urn: string, url: string, payload: string, attempt: number): Promise<void> {
		const at = Date.now();
		const result = await this.post(url, payload);
		if (this.closed) return;
		this.attempts.push({ urn, url, attempt, at, durationMs: Date.now() - at, ...result });
		if (result.status !== 200 && attempt <= RETRY_DELAYS_MS.length) {
			this.schedule(urn, url, payload, attempt + 1, RETRY_DELAYS_MS[attempt - 1] * this.timeScale);
		}
	}

	private post(url: string, payload: string): Promise<DeliveryResult> {
		return new Promise((resolve) => {
			let settled = false;
			const finish = (result: DeliveryResult) => {
				if (settled) return;
				settled = true;
				this.inFlight.delete(request);
				resolve(result);
			};
			const target = new URL(url);
			const client = target.protocol === 'https:' ? https : http;
			// agent: false: no keep-alive socket outlives the delivery (close() leaves nothing open).
			const request = client.request(target, {
				method: 'POST',
				agent: false,
				headers: {
					'Content-Type': 'application/json',
					'Content-Length': String(Buffer.byteLength(payload)),
					'User-Agent': 'DentalReferralsSandbox/1.0 (files-ready webhook)',
					Connection: 'close',
				},
			});
			this.inFlight.add(request);
			request.setTimeout(this.timeoutMs, () =>
				request.destroy(new Error(`timed out after ${this.timeoutMs} ms`)),
			);
			request.on('response', (response) => {
				response.resume();
				response.on('end', () => finish({ status: response.statusCode }));
				response.on('error', () => finish({ status: response.statusCode }));
			});
			request.on('error', (error) => finish({ error: error.message }));
			request.on('close', () => finish({ error: 'connection closed before an answer' }));
			request.end(payload);
		});
	}
}
