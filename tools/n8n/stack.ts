/**
 * The whole local stack in one call: Dental Referrals sandbox, Node 24 + n8n from the cache,
 * this package installed as a community package, a fresh n8n with an owner, a public API
 * key, a "Dental Referrals API" credential pointing at the sandbox and every example
 * workflow imported. Whatever was started is stopped again if a later step fails.
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startSandbox } from '../sandbox';
import { stopList } from './cleanup';
import type { Log } from './exec';
import { readExamples } from './examples';
import { installPackage, REPO_ROOT } from './install-package';
import { type CredentialRef, N8nApi, type OwnerAccount } from './n8n-api';
import { type N8nProcess, startN8n } from './n8n-process';
import { assertPortFree, LOOPBACK } from './ports';
import { defaultLog, ensureToolchain, type Toolchain } from './toolchain';

export const CREDENTIAL_TYPE = 'dentalReferralsApi';
export const CREDENTIAL_NAME = 'Dental Referrals API';

export const DEFAULT_OWNER: OwnerAccount = {
	email: 'owner@dental-referrals.test',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'DentalDemo2026',
};

/** What the stack uses of the sandbox (its full API is in tools/sandbox). */
export interface SandboxHandle {
	origin: string;
	baseUrl: string;
	practices: Array<{ name: string; apiKey: string; forms: string[] }>;
	close(): Promise<void>;
}

export interface StackOptions {
	/** n8n HTTP port; 0/undefined = free port. */
	n8nPort?: number;
	/** Sandbox port; 0/undefined = free port. */
	sandboxPort?: number;
	/** Passed to the sandbox (shortens its webhook retry schedule). */
	webhookTimeScale?: number;
	/** Extra n8n environment (WEBHOOK_URL, N8N_LOG_LEVEL, …). */
	n8nEnv?: NodeJS.ProcessEnv;
	owner?: OwnerAccount;
	/** Package folder to pack and install (default: this repo). `false` installs nothing. */
	packageDir?: string | false;
	/** Import examples/*.json (default true). */
	importExamples?: boolean;
	/** Keep n8n's user folder after stop() (debugging). Default: $DR_E2E_KEEP === '1'. */
	keepUserFolder?: boolean;
	readyTimeoutMs?: number;
	/** Echo n8n's log lines. */
	echoN8n?: boolean;
	log?: Log;
}

export interface ImportedWorkflow {
	file: string;
	id: string;
	name: string;
}

export interface Stack {
	toolchain: Toolchain;
	sandbox: SandboxHandle;
	n8n: N8nProcess;
	/** Logged in as the owner, with the public API key set. */
	api: N8nApi;
	owner: OwnerAccount;
	apiKey: string;
	credential: CredentialRef;
	/** The sandbox key the credential holds (first demo practice). */
	practiceKey: string;
	workflows: ImportedWorkflow[];
	editorUrl: string;
	/** Stops n8n and the sandbox and removes the user folder; idempotent, never throws. */
	stop(): Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
	const log = options.log ?? defaultLog;
	const startedAt = Date.now();
	const { add: onStop, stop } = stopList(log);

	let started = false;
	try {
		// Fixed ports are checked before anything is installed or started: a second `npm start`
		// fails at once with the same message for the sandbox as for n8n.
		if (options.sandboxPort) await assertPortFree(options.sandboxPort, LOOPBACK, 'Dental Referrals sandbox');
		if (options.n8nPort) await assertPortFree(options.n8nPort, LOOPBACK, 'n8n HTTP');
		const toolchain = await ensureToolchain(log);

		const sandbox: SandboxHandle = await startSandbox({
			port: options.sandboxPort,
			host: LOOPBACK,
			webhookTimeScale: options.webhookTimeScale,
		});
		onStop(() => sandbox.close());
		log(`sandbox on ${sandbox.baseUrl}`);
		const practice = sandbox.practices[0];
		if (!practice) throw new Error('the sandbox has no demo practice');

		const userFolder = await fs.mkdtemp(join(tmpdir(), 'dr-e2e-n8n-'));
		const keep = options.keepUserFolder ?? process.env.DR_E2E_KEEP === '1';
		onStop(async () => {
			if (keep) log(`kept n8n user folder ${userFolder}`);
			else await fs.rm(userFolder, { recursive: true, force: true });
		});
		if (options.packageDir !== false) {
			await installPackage(toolchain, userFolder, options.packageDir ?? REPO_ROOT, log);
		}

		const n8n = await startN8n({
			toolchain,
			port: options.n8nPort,
			userFolder,
			env: options.n8nEnv,
			readyTimeoutMs: options.readyTimeoutMs,
			echo: options.echoN8n,
			log,
		});
		onStop(() => n8n.stop());

		const owner = options.owner ?? DEFAULT_OWNER;
		const api = new N8nApi(n8n.baseUrl, log, toolchain.n8nVersion);
		await api.setupOwner(owner);
		await api.login(owner.email, owner.password);
		const apiKey = await api.createApiKey('dental-referrals e2e');

		const credential = await api.createCredential({
			name: CREDENTIAL_NAME,
			type: CREDENTIAL_TYPE,
			data: { environment: 'custom', baseUrl: sandbox.baseUrl, apiKey: practice.apiKey },
		});
		log(`credential "${credential.name}" (id ${credential.id}) → ${sandbox.baseUrl} as ${practice.name}`);

		const workflows: ImportedWorkflow[] = [];
		if (options.importExamples !== false) {
			for (const example of await readExamples(credential)) {
				const created = await api.createWorkflow(example.definition).catch((error: Error) => error);
				if (created instanceof Error)
					throw new Error(`importing examples/${example.file}: ${created.message}`);
				workflows.push({ file: example.file, id: created.id, name: created.name });
			}
			log(`imported ${workflows.length} example workflow(s)`);
		}

		log(`stack ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
		started = true;
		return {
			toolchain,
			sandbox,
			n8n,
			api,
			owner,
			apiKey,
			credential,
			practiceKey: practice.apiKey,
			workflows,
			editorUrl: `${n8n.baseUrl}/home/workflows`,
			stop,
		};
	} finally {
		if (!started) await stop();
	}
}
