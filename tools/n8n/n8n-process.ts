/**
 * One n8n process (`n8n start`, or queue mode's `n8n worker` / `n8n webhook`) under Node 24
 * on 127.0.0.1: own temp user folder, own HTTP and task-broker ports, bounded readiness wait
 * on /healthz/readiness, and a stop() that kills the whole process group (the task runner
 * included) and may be called any number of times.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { signalGroup, stopGroup } from '../process-group';
import { stopOnce, trackProcessGroup } from './cleanup';
import type { Log } from './exec';
import { choosePort, LOOPBACK } from './ports';
import { defaultLog, type Toolchain } from './toolchain';

/** `n8n start` (main, default); `worker` and `webhook` are queue mode's other processes. */
export type N8nCommand = 'start' | 'worker' | 'webhook';

export interface N8nProcessOptions {
	toolchain: Toolchain;
	/**
	 * Default 'start'. A `worker` has no HTTP server of its own: `port` becomes its health
	 * server (QUEUE_HEALTH_CHECK_ACTIVE/PORT, N8N_WORKER_SERVER_ADDRESS=127.0.0.1), which the
	 * readiness wait polls.
	 */
	command?: N8nCommand;
	/** Arguments after the command (e.g. `--concurrency=5` for a worker). */
	args?: string[];
	/** HTTP port; 0/undefined = a free one. A taken port fails before n8n is started. */
	port?: number;
	/** Task-broker port; 0/undefined = a free one. */
	brokerPort?: number;
	/** Existing user folder (e.g. with the package already installed); default: a new temp folder. */
	userFolder?: string;
	/** Extra environment (WEBHOOK_URL, N8N_LOG_LEVEL, …); wins over the defaults. */
	env?: NodeJS.ProcessEnv;
	/** Bound for /healthz/readiness (default 180 s: first start runs the migrations). */
	readyTimeoutMs?: number;
	/** Remove the user folder on stop() if this module created it (default true). */
	removeUserFolder?: boolean;
	log?: Log;
	/** Echo n8n's output lines through `log` (default false; always kept in the log file). */
	echo?: boolean;
}

export interface N8nProcess {
	baseUrl: string;
	port: number;
	brokerPort: number;
	userFolder: string;
	logFile: string;
	pid: number;
	/** The last `lines` lines n8n printed. */
	logTail(lines?: number): string;
	/** Everything n8n printed so far (bounded to the last ~2 MB). */
	output(): string;
	/** Kills the process group (SIGTERM, then SIGKILL after `graceMs`); idempotent. */
	stop(graceMs?: number): Promise<void>;
	/** SIGKILL at once, as a crash or an out-of-memory kill would; stop() still cleans up after. */
	kill(): Promise<void>;
	/** Resolves when the main n8n process has exited. */
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const OUTPUT_LIMIT = 2_000_000;

/**
 * Whether the installed n8n has the `mcp-registry` module. Older releases (1.123.x, 2.20.x)
 * exit with "Unknown module" when N8N_DISABLED_MODULES names it (and make no such calls).
 */
export function knowsMcpRegistry(toolchain: Pick<Toolchain, 'n8nDir'>): boolean {
	return existsSync(join(toolchain.n8nDir, 'node_modules', 'n8n', 'dist', 'modules', 'mcp-registry'));
}

/** The environment the recipe verified, for one instance (`mcpRegistry`: see knowsMcpRegistry). */
export function n8nEnv(
	userFolder: string,
	port: number,
	brokerPort: number,
	mcpRegistry = true,
): NodeJS.ProcessEnv {
	return {
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: LOOPBACK,
		N8N_HOST: LOOPBACK,
		N8N_PROTOCOL: 'http',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: LOOPBACK,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		...(mcpRegistry ? { N8N_DISABLED_MODULES: 'mcp-registry' } : {}),
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_LOG_OUTPUT: 'console',
		DB_TYPE: 'sqlite',
	};
}

/** A worker's health server (its only HTTP listener) on `port`, loopback only. */
function workerEnv(command: N8nCommand, port: number): NodeJS.ProcessEnv {
	if (command !== 'worker') return {};
	return {
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		QUEUE_HEALTH_CHECK_PORT: String(port),
		N8N_WORKER_SERVER_ADDRESS: LOOPBACK,
	};
}

async function fetchStatus(url: string, timeoutMs: number): Promise<number | undefined> {
	try {
		const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
		await response.arrayBuffer();
		return response.status;
	} catch {
		return undefined;
	}
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function startN8n(options: N8nProcessOptions): Promise<N8nProcess> {
	const log = options.log ?? defaultLog;
	const readyTimeoutMs = options.readyTimeoutMs ?? 180_000;
	const port = await choosePort(options.port, LOOPBACK, 'n8n HTTP');
	let brokerPort = await choosePort(options.brokerPort, LOOPBACK, 'n8n task broker');
	while (brokerPort === port) brokerPort = await choosePort(undefined, LOOPBACK, 'n8n task broker');

	const ownFolder = options.userFolder === undefined;
	const userFolder = options.userFolder ?? (await fs.mkdtemp(join(tmpdir(), 'dr-e2e-n8n-')));
	const logFile = join(userFolder, 'n8n-e2e.log');
	const logStream = createWriteStream(logFile, { flags: 'a' });
	const baseUrl = `http://${LOOPBACK}:${port}`;

	const command = options.command ?? 'start';
	const env = options.toolchain.env({
		...n8nEnv(userFolder, port, brokerPort, knowsMcpRegistry(options.toolchain)),
		...workerEnv(command, port),
		...options.env,
	});
	const started = Date.now();
	const what = command === 'start' ? 'n8n' : `n8n ${command}`;
	log(
		`starting ${what} ${options.toolchain.n8nVersion} on ${baseUrl} (broker ${brokerPort}, user folder ${userFolder})`,
	);
	const child = spawn(
		options.toolchain.nodeBin,
		[options.toolchain.n8nEntry, command, ...(options.args ?? [])],
		{
			cwd: userFolder,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		},
	);
	if (child.pid === undefined) {
		throw new Error(`could not start n8n (${options.toolchain.nodeBin} ${options.toolchain.n8nEntry})`);
	}
	const pid = child.pid;
	const untrack = trackProcessGroup(pid);

	let output = '';
	let partial = '';
	const onData = (chunk: string) => {
		logStream.write(chunk);
		output += chunk;
		if (output.length > OUTPUT_LIMIT) output = output.slice(-OUTPUT_LIMIT / 2);
		if (options.echo) {
			const lines = (partial + chunk).split('\n');
			partial = lines.pop() ?? '';
			for (const line of lines) if (line.trim()) log(`[n8n] ${line}`);
		}
	};
	child.stdout.setEncoding('utf8').on('data', onData);
	child.stderr.setEncoding('utf8').on('data', onData);

	let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
		child.on('exit', (code, signal) => {
			exitInfo = { code, signal };
			resolve(exitInfo);
		});
	});
	const logTail = (lines = 40) => output.trimEnd().split('\n').slice(-lines).join('\n');

	const stop = stopOnce(async (graceMs) => {
		await stopGroup(pid, graceMs, {
			onKill: () => log(`n8n did not stop within ${graceMs} ms; killing its process group`),
		});
		untrack();
		await new Promise<void>((resolve) => logStream.end(resolve));
		if (ownFolder && options.removeUserFolder !== false) {
			await fs.rm(userFolder, { recursive: true, force: true });
		}
	});

	const handle: N8nProcess = {
		baseUrl,
		port,
		brokerPort,
		userFolder,
		logFile,
		pid,
		logTail,
		output: () => output,
		stop,
		async kill() {
			signalGroup(pid, 'SIGKILL');
			await exited;
		},
		exited,
	};

	// Bounded readiness wait; fail fast if n8n dies.
	const deadline = started + readyTimeoutMs;
	for (;;) {
		if (exitInfo) {
			const tailText = logTail(60);
			await stop();
			const cause = exitInfo.signal ? `signal ${exitInfo.signal}` : `exit code ${exitInfo.code}`;
			const hint = /EADDRINUSE|already in use/i.test(tailText) ? ' (a port is already in use)' : '';
			throw new Error(
				`${what} exited before it was ready (${cause})${hint}\n--- n8n log tail ---\n${tailText}`,
			);
		}
		// n8n 1.x reports ready ~2 s before its REST routes exist: a main process must also
		// answer /rest/settings (public, no login) before it counts as ready.
		if (
			(await fetchStatus(`${baseUrl}/healthz/readiness`, 2_000)) === 200 &&
			(command !== 'start' || (await fetchStatus(`${baseUrl}/rest/settings`, 5_000)) === 200)
		)
			break;
		if (Date.now() > deadline) {
			const tailText = logTail(60);
			await stop();
			throw new Error(
				`${what} was not ready on ${baseUrl}/healthz/readiness within ${Math.round(readyTimeoutMs / 1000)} s\n--- n8n log tail ---\n${tailText}`,
			);
		}
		await sleep(250);
	}
	log(`${what} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return handle;
}
