/**
 * Runs one external command with a hard time limit and returns its output; on failure the
 * error names the command, the exit cause and the tail of what it printed.
 */
import { spawn } from 'node:child_process';

import { signalGroup } from '../process-group';
import { trackProcessGroup } from './cleanup';

export type Log = (line: string) => void;

export interface RunOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** Hard limit; the command's process group is killed when it is reached. */
	timeoutMs: number;
	/** Prints a progress line every `heartbeatMs` while the command runs (default 30 s). */
	log?: Log;
	label?: string;
	heartbeatMs?: number;
}

export interface RunResult {
	stdout: string;
	stderr: string;
	durationMs: number;
}

const TAIL_CHARS = 4000;

export function tail(text: string, chars = TAIL_CHARS): string {
	return text.length > chars ? `…${text.slice(-chars)}` : text;
}

/**
 * Environment for child npm/n8n processes: the caller's environment without the variables
 * `npm run` injects (npm_config_*, npm_package_*, npm_lifecycle_*), so the repo's own
 * npm settings (e.g. ignore-scripts=true) never leak into installs made elsewhere.
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		const lower = key.toLowerCase();
		if (
			lower.startsWith('npm_config_') ||
			lower.startsWith('npm_package_') ||
			lower.startsWith('npm_lifecycle_')
		) {
			continue;
		}
		if (key === 'INIT_CWD' || key === 'NODE_OPTIONS' || key === 'NODE_ENV') continue;
		env[key] = value;
	}
	return { ...env, ...extra };
}

export function runCommand(command: string, args: string[], options: RunOptions): Promise<RunResult> {
	const label = options.label ?? `${command} ${args.join(' ')}`;
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env ?? cleanEnv(),
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		let stdout = '';
		let stderr = '';
		let timedOut = false;
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			stdout = tail(stdout + chunk, 200_000);
		});
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
			stderr = tail(stderr + chunk, 200_000);
		});
		const killGroup = () => {
			if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
		};
		// Killed with this process too (exit, SIGINT, SIGTERM, SIGHUP).
		const untrack = child.pid === undefined ? () => undefined : trackProcessGroup(child.pid);
		const timer = setTimeout(() => {
			timedOut = true;
			killGroup();
		}, options.timeoutMs);
		const heartbeat = options.log
			? setInterval(() => {
					options.log?.(`  … ${label} still running (${Math.round((Date.now() - started) / 1000)} s)`);
				}, options.heartbeatMs ?? 30_000)
			: undefined;
		const finish = () => {
			clearTimeout(timer);
			if (heartbeat) clearInterval(heartbeat);
			untrack();
		};
		child.on('error', (error) => {
			finish();
			reject(new Error(`${label}: could not start (${error.message})`));
		});
		child.on('close', (code, signal) => {
			finish();
			const durationMs = Date.now() - started;
			if (code === 0 && !timedOut) {
				resolve({ stdout, stderr, durationMs });
				return;
			}
			const cause = timedOut
				? `timed out after ${Math.round(options.timeoutMs / 1000)} s`
				: signal
					? `killed by ${signal}`
					: `exit code ${code}`;
			reject(new Error(`${label}: ${cause}\n--- output tail ---\n${tail(`${stdout}\n${stderr}`.trim())}`));
		});
	});
}
