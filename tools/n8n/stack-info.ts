/**
 * How the jest global setup hands the running stack to the test files (same process,
 * `--runInBand`): a JSON description in an environment variable.
 */
import { N8nApi, type CredentialRef, type OwnerAccount } from './n8n-api';
import type { ImportedWorkflow, Stack } from './stack';

export const STACK_ENV = 'DR_E2E_STACK';

export interface StackInfo {
	n8nUrl: string;
	n8nLogFile: string;
	userFolder: string;
	sandboxOrigin: string;
	sandboxBaseUrl: string;
	practiceKey: string;
	practices: Array<{ name: string; apiKey: string; forms: string[] }>;
	owner: OwnerAccount;
	apiKey: string;
	credential: CredentialRef;
	workflows: ImportedWorkflow[];
	packageName: string;
	/** The n8n release under test. */
	n8nVersion: string;
}

export function describeStack(stack: Stack, packageName: string): StackInfo {
	return {
		n8nUrl: stack.n8n.baseUrl,
		n8nLogFile: stack.n8n.logFile,
		userFolder: stack.n8n.userFolder,
		sandboxOrigin: stack.sandbox.origin,
		sandboxBaseUrl: stack.sandbox.baseUrl,
		practiceKey: stack.practiceKey,
		practices: stack.sandbox.practices.map(({ name, apiKey, forms }) => ({ name, apiKey, forms })),
		owner: stack.owner,
		apiKey: stack.apiKey,
		credential: stack.credential,
		workflows: stack.workflows,
		packageName,
		n8nVersion: stack.toolchain.n8nVersion,
	};
}

export function stackInfo(): StackInfo {
	const raw = process.env[STACK_ENV];
	if (!raw)
		throw new Error(
			`${STACK_ENV} is not set: run the e2e tests with e2e/jest.config.js (its global setup starts the stack)`,
		);
	return JSON.parse(raw) as StackInfo;
}

/** A client logged in as the owner, with the public API key. */
export async function connect(info: StackInfo = stackInfo()): Promise<N8nApi> {
	const api = new N8nApi(info.n8nUrl, undefined, info.n8nVersion);
	await api.login(info.owner.email, info.owner.password);
	api.useApiKey(info.apiKey);
	return api;
}

// Global setup and teardown run in the same jest parent process and share its global object.
const GLOBAL_SLOT = '__DR_E2E_STACK__';

export function setSharedStack(stack: Stack | undefined): void {
	(globalThis as Record<string, unknown>)[GLOBAL_SLOT] = stack;
}

export function sharedStack(): Stack | undefined {
	return (globalThis as Record<string, unknown>)[GLOBAL_SLOT] as Stack | undefined;
}
