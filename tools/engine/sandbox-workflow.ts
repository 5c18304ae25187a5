import type { INode, INodeExecutionData } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../sandbox';
import { assertKeyAbsent } from '../key-forms';
import { PACKAGE, runWorkflow, type LinearWorkflow, type RunResult, type WorkflowNode } from './run-workflow';
import type { FixtureFile } from './start-node';

/** Starts one sandbox for a test file (beforeAll) and stops it (afterAll). */
export function useSandbox(options: Parameters<typeof startSandbox>[0] = {}): () => Sandbox {
	let sandbox: Sandbox | undefined;
	beforeAll(async () => {
		sandbox = await startSandbox({ webhookTimeScale: 1e-5, ...options });
	});
	afterAll(async () => {
		await sandbox?.close();
	});
	beforeEach(() => {
		sandbox?.clearRequests();
		sandbox?.clearFaults();
	});
	return () => {
		if (!sandbox) throw new Error('sandbox not started');
		return sandbox;
	};
}

export function sandboxCredential(sandbox: Sandbox, practice = 0) {
	return { environment: 'custom', baseUrl: sandbox.baseUrl, apiKey: sandbox.practices[practice].apiKey };
}

/** A Dental Referrals action node with the given parameters. */
export function dentalReferrals(
	parameters: INode['parameters'],
	options: Pick<WorkflowNode, 'continueOnFail' | 'settings' | 'typeVersion'> & { name?: string } = {},
): WorkflowNode {
	return {
		name: options.name ?? 'Dental Referrals',
		type: `${PACKAGE}.dentalReferrals`,
		typeVersion: options.typeVersion,
		parameters,
		continueOnFail: options.continueOnFail,
		settings: options.settings,
	};
}

export interface NodeRun extends RunResult {
	items: INodeExecutionData[];
}

/**
 * Runs Start → Dental Referrals through n8n's engine against the sandbox and asserts the
 * API key of the practice appears nowhere in what the execution produced.
 */
export async function runNode(
	sandbox: Sandbox,
	parameters: INode['parameters'],
	options: {
		items?: object[];
		files?: FixtureFile[][];
		continueOnFail?: boolean;
		settings?: WorkflowNode['settings'];
		practice?: number;
		credentials?: LinearWorkflow['credentials'];
		typeVersion?: number;
	} = {},
): Promise<NodeRun> {
	const credentials = options.credentials ?? sandboxCredential(sandbox, options.practice);
	const result = await runWorkflow({
		items: options.items,
		files: options.files,
		nodes: [
			dentalReferrals(parameters, {
				continueOnFail: options.continueOnFail,
				settings: options.settings,
				typeVersion: options.typeVersion,
			}),
		],
		credentials,
	});
	assertNoSecret(result, String(credentials.apiKey));
	return { ...result, items: result.output('Dental Referrals') };
}

/** The key must not appear in output items, errors or anything else the execution kept. */
export function assertNoSecret(result: RunResult, secret: string): void {
	const everything = JSON.stringify({
		runData: result.run.data.resultData.runData,
		error: result.error
			? { message: result.error.message, description: result.error.description, stack: result.error.stack }
			: null,
	});
	// Plain, Base64 (standard and URL-safe) and URL-encoded: see key-forms.ts.
	assertKeyAbsent(everything, secret, 'the execution data');
}

/** The API requests the sandbox recorded (control and document endpoints included). */
export function apiRequests(sandbox: Sandbox, endpoint?: string) {
	return sandbox.requests.filter((request) => !endpoint || request.path.endsWith(`/${endpoint}`));
}
