/**
 * n8n in queue mode on one machine, loopback only: the Dental Referrals sandbox, a fresh
 * Redis, a throw-away PostgreSQL, and three n8n processes — main (`n8n start`, production
 * webhooks switched off), one `n8n worker` and one `n8n webhook` — each with its OWN user
 * folder holding this package (installed as the Community Nodes screen does). They share
 * only what queue mode shares: the database (which also holds binary data, mode
 * `database`), Redis, N8N_ENCRYPTION_KEY and WEBHOOK_URL (= the webhook processor).
 * Everything started is stopped again, also when a later step fails.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startSandbox } from '../../sandbox';
import { stopList } from '../cleanup';
import type { Log } from '../exec';
import { installTarball, packPackage, REPO_ROOT } from '../install-package';
import { type CredentialRef, N8nApi, type OwnerAccount } from '../n8n-api';
import { type N8nCommand, type N8nProcess, startN8n } from '../n8n-process';
import { freePort, LOOPBACK } from '../ports';
import { CREDENTIAL_NAME, CREDENTIAL_TYPE, DEFAULT_OWNER, type SandboxHandle } from '../stack';
import { defaultLog, ensureToolchain, type Toolchain } from '../toolchain';
import { type Postgres, type Service, startPostgres, startRedis } from './services';

export interface QueueStackOptions {
	/** Package folder to pack and install into every process (default: this repo). */
	packageDir?: string;
	/** Passed to the sandbox (shortens its webhook retry schedule). */
	webhookTimeScale?: number;
	/** Echo n8n's log lines. */
	echoN8n?: boolean;
	/** Keep the user folders after stop() (debugging). Default: $DR_E2E_KEEP === '1'. */
	keepUserFolders?: boolean;
	log?: Log;
}

export interface QueueStack {
	toolchain: Toolchain;
	sandbox: SandboxHandle;
	redis: Service;
	postgres: Postgres;
	main: N8nProcess;
	worker: N8nProcess;
	webhook: N8nProcess;
	/** WEBHOOK_URL of every process: the webhook processor's base URL, with a trailing slash. */
	webhookUrl: string;
	/** The environment every n8n process shares (queue, database, binary mode, key, WEBHOOK_URL). */
	sharedEnv: NodeJS.ProcessEnv;
	/** Logged in as the owner on main, with the public API key set. */
	api: N8nApi;
	owner: OwnerAccount;
	credential: CredentialRef;
	practiceKey: string;
	packageName: string;
	/** Seconds per start-up step. */
	timings: Record<string, number>;
	/**
	 * Another `n8n worker` with the shared environment and its own user folder, with or
	 * without the package; stopped with the stack (or earlier with its own stop()).
	 */
	startWorker(options: { withPackage: boolean; label: string }): Promise<N8nProcess>;
	/** Stops everything and removes the temp folders; idempotent, never throws. */
	stop(): Promise<void>;
}

const WORKER_ARGS = ['--concurrency=5'];

export async function startQueueStack(options: QueueStackOptions = {}): Promise<QueueStack> {
	const log = options.log ?? defaultLog;
	const keep = options.keepUserFolders ?? process.env.DR_E2E_KEEP === '1';
	const startedAt = Date.now();
	const timings: Record<string, number> = {};
	const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
		const started = Date.now();
		const result = await run();
		timings[name] = Math.round((Date.now() - started) / 100) / 10;
		return result;
	};

	// Stoppers run in reverse order of registration; n8n processes registered as one group
	// are stopped together (each waits for its own shutdown).
	const { add: onStop, stop } = stopList(log);

	let started = false;
	try {
		const toolchain = await step('toolchain', () => ensureToolchain(log));
		// Started side by side; whichever started is stopped even if another failed.
		const [sandbox, redis, postgres] = await step('sandbox + redis + postgres', async () => {
			const [sandboxStart, redisStart, postgresStart] = await Promise.allSettled([
				startSandbox({
					host: LOOPBACK,
					webhookTimeScale: options.webhookTimeScale,
				}) as Promise<SandboxHandle>,
				startRedis(log),
				startPostgres(log),
			]);
			if (sandboxStart.status === 'fulfilled') onStop(() => sandboxStart.value.close());
			if (redisStart.status === 'fulfilled') onStop(redisStart.value.stop);
			if (postgresStart.status === 'fulfilled') onStop(postgresStart.value.stop);
			for (const start of [sandboxStart, redisStart, postgresStart])
				if (start.status === 'rejected') throw start.reason;
			return [
				(sandboxStart as PromiseFulfilledResult<SandboxHandle>).value,
				(redisStart as PromiseFulfilledResult<Service>).value,
				(postgresStart as PromiseFulfilledResult<Postgres>).value,
			] as const;
		});
		const practice = sandbox.practices[0];
		if (!practice) throw new Error('the sandbox has no demo practice');

		// One user folder per process: nothing can be shared through the file system.
		const folders: string[] = [];
		onStop(async () => {
			if (keep) log(`kept n8n user folders ${folders.join(', ')}`);
			else await Promise.all(folders.map((folder) => fs.rm(folder, { recursive: true, force: true })));
		});
		const newFolder = async (role: string) => {
			const folder = await fs.mkdtemp(join(tmpdir(), `dr-e2e-q-${role}-`));
			folders.push(folder);
			return folder;
		};
		const packed = await step('npm pack', () => packPackage(toolchain, options.packageDir ?? REPO_ROOT, log));
		onStop(() => packed.cleanup());
		const install = (folder: string) => installTarball(toolchain, folder, packed, log);
		const [mainFolder, workerFolder, webhookFolder] = await Promise.all(
			['main', 'worker', 'webhook'].map(newFolder),
		);
		await step('install package ×3', () =>
			Promise.all([mainFolder, workerFolder, webhookFolder].map(install)),
		);

		const webhookPort = await freePort();
		const webhookUrl = `http://${LOOPBACK}:${webhookPort}/`;
		const sharedEnv: NodeJS.ProcessEnv = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: LOOPBACK,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			...postgres.n8nEnv,
			N8N_DEFAULT_BINARY_DATA_MODE: 'database',
			N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
			WEBHOOK_URL: webhookUrl,
			// Waits up to this long for running executions when a process is stopped.
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		};

		const n8nProcesses: N8nProcess[] = [];
		onStop(async () => {
			await Promise.all(n8nProcesses.map((n8n) => n8n.stop()));
		});
		const startOne = async (
			command: N8nCommand,
			userFolder: string,
			env: NodeJS.ProcessEnv = {},
			port?: number,
		) => {
			const n8n = await startN8n({
				toolchain,
				command,
				args: command === 'worker' ? WORKER_ARGS : [],
				port,
				userFolder,
				env: { ...sharedEnv, ...env },
				echo: options.echoN8n,
				log,
			});
			n8nProcesses.push(n8n);
			return n8n;
		};

		// Main first: it runs the migrations on the empty database.
		const main = await step('n8n main', () =>
			startOne('start', mainFolder, {
				// Production webhooks are served by the webhook processor only.
				N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
				// Manual executions go to the workers too (n8n 2.41 still runs them on main by default).
				OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			}),
		);
		const [worker, webhook] = await step('n8n worker + webhook', () =>
			Promise.all([startOne('worker', workerFolder), startOne('webhook', webhookFolder, {}, webhookPort)]),
		);

		const owner = DEFAULT_OWNER;
		const api = new N8nApi(main.baseUrl, log, toolchain.n8nVersion);
		await api.setupOwner(owner);
		await api.login(owner.email, owner.password);
		await api.createApiKey('dental-referrals queue e2e');
		const credential = await api.createCredential({
			name: CREDENTIAL_NAME,
			type: CREDENTIAL_TYPE,
			data: { environment: 'custom', baseUrl: sandbox.baseUrl, apiKey: practice.apiKey },
		});

		const startWorker = async ({ withPackage, label }: { withPackage: boolean; label: string }) => {
			const folder = await newFolder(label);
			if (withPackage) await install(folder);
			return startOne('worker', folder);
		};

		log(
			`queue stack ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s: main ${main.baseUrl}, worker health ${worker.baseUrl}, webhook ${webhookUrl}, redis :${redis.port}, postgres :${postgres.port}`,
		);
		started = true;
		return {
			toolchain,
			sandbox,
			redis,
			postgres,
			main,
			worker,
			webhook,
			webhookUrl,
			sharedEnv,
			api,
			owner,
			credential,
			practiceKey: practice.apiKey,
			packageName: packed.name,
			timings,
			startWorker,
			stop,
		};
	} finally {
		if (!started) await stop();
	}
}
