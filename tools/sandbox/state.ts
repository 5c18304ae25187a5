// What routes and control endpoints share about one running sandbox.
import type { FaultList } from './faults';
import type { SandboxStore } from './store';
import type { RecordedRequest, SubmitOptions, SubmittedReferral, WebhookAttempt } from './types';
import type { WebhookDispatcher } from './webhooks';

export interface SandboxState {
	origin: string;
	store: SandboxStore;
	faults: FaultList;
	webhooks: WebhookDispatcher;
	requests: RecordedRequest[];
	webhookAttempts: WebhookAttempt[];
	/** TCP connections accepted since start (benchmarks: is a connection reused?). */
	connections: number;
	submit(urnOrToken: string, options?: SubmitOptions): SubmittedReferral;
	setStatus(urn: string, status: string): void;
	addSyntheticDocument(apiKey: string, bytes: number): string;
	/** A timer that close() cancels. */
	delay(ms: number): Promise<void>;
}
