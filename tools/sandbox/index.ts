// The Dental Referrals API sandbox: a local stand-in for the real API, for tests, demos, e2e runs
// and benchmarks. See /work/shared/design/sandbox.md.
export { startSandbox } from './server';
export { DEMO_PRACTICES } from './practices';
export { NOT_AUTHORIZED_MESSAGE } from './auth';
export { RETRY_DELAYS_MS } from './webhooks';
export type {
	Fault,
	PracticeSeed,
	RecordedRequest,
	Sandbox,
	SandboxOptions,
	SubmitOptions,
	SubmittedReferral,
	WebhookAttempt,
} from './types';
