/**
 * The sandbox's test-only control endpoints (tools/sandbox/control.ts), for e2e tests that run
 * in another process than the sandbox.
 */
import type { RecordedRequest, SubmittedReferral, WebhookAttempt } from '../sandbox';

export class SandboxControl {
	constructor(private readonly origin: string) {}

	private async call<T>(method: string, action: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.origin}/__sandbox/${action}`, {
			method,
			headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(15_000),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`sandbox ${method} ${action}: HTTP ${response.status} ${text}`);
		return (text ? JSON.parse(text) : undefined) as T;
	}

	submit(urn: string): Promise<SubmittedReferral> {
		return this.call('POST', 'submit', { urn });
	}

	setStatus(urn: string, status: string): Promise<void> {
		return this.call('POST', 'status', { urn, status });
	}

	/** Issues the practice a new key; the old one is refused from then on. */
	async rotateKey(apiKey: string): Promise<string> {
		return (await this.call<{ apiKey: string }>('POST', 'rotate-key', { apiKey })).apiKey;
	}

	addFault(fault: Record<string, unknown>): Promise<void> {
		return this.call('POST', 'faults', fault);
	}

	requests(): Promise<RecordedRequest[]> {
		return this.call('GET', 'requests');
	}

	clearRequests(): Promise<void> {
		return this.call('DELETE', 'requests');
	}

	webhookAttempts(): Promise<WebhookAttempt[]> {
		return this.call('GET', 'webhook-attempts');
	}
}
