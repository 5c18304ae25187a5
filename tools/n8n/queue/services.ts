/**
 * The services queue mode needs beside n8n, each started by this stage on 127.0.0.1 in its
 * own temp folder and stopped again: Redis (Debian `redis-server`) and PostgreSQL (Debian
 * `postgresql`, a throw-away cluster made with initdb). A missing Debian package is
 * installed with apt-get when this process may (root, or password-less sudo).
 */
import { spawn } from 'node:child_process';
import { existsSync, promises as fs, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { stopGroup } from '../../process-group';
import { stopOnce, trackProcessGroup } from '../cleanup';
import { type Log, runCommand } from '../exec';
import { freePort, LOOPBACK } from '../ports';
import { defaultLog } from '../toolchain';

const MINUTE = 60_000;
const OUTPUT_LIMIT = 500_000;

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A long-running child in its own process group: output kept, stop() idempotent. */
export interface Daemon {
	pid: number;
	output(): string;
	/** Sends `signal` to the group, SIGKILL after `graceMs`. */
	stop(graceMs?: number): Promise<void>;
	exited(): boolean;
}

export interface DaemonOptions {
	label: string;
	command: string;
	args: string[];
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** Signal for a clean stop (default SIGTERM; PostgreSQL's fast shutdown is SIGINT). */
	stopSignal?: NodeJS.Signals;
	log?: Log;
}

export function startDaemon(options: DaemonOptions): Daemon {
	const log = options.log ?? defaultLog;
	const child = spawn(options.command, options.args, {
		cwd: options.cwd,
		env: options.env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	if (child.pid === undefined) throw new Error(`${options.label}: could not start ${options.command}`);
	const pid = child.pid;
	const untrack = trackProcessGroup(pid);
	let output = '';
	const onData = (chunk: string) => {
		output += chunk;
		if (output.length > OUTPUT_LIMIT) output = output.slice(-OUTPUT_LIMIT / 2);
	};
	child.stdout.setEncoding('utf8').on('data', onData);
	child.stderr.setEncoding('utf8').on('data', onData);
	let exited = false;
	child.on('exit', () => {
		exited = true;
	});
	child.on('error', (error) => {
		exited = true;
		onData(`${options.label}: ${error.message}\n`);
	});
	const stop = stopOnce(async (graceMs) => {
		await stopGroup(pid, graceMs, {
			signal: options.stopSignal,
			onKill: () => log(`${options.label} did not stop within ${graceMs} ms; killing it`),
		});
		untrack();
	});
	return { pid, output: () => output, stop, exited: () => exited };
}

function isRoot(): boolean {
	return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * `apt-get install -y <pkg>` (after `apt-get update` if the first try fails: fresh
 * containers have no package lists), as root or through `sudo -n`; otherwise a clear error.
 */
export async function ensureDebianPackage(
	pkg: string,
	present: () => boolean,
	log: Log = defaultLog,
): Promise<void> {
	if (present()) return;
	let prefix: string[];
	if (isRoot()) prefix = [];
	else if (
		await runCommand('sudo', ['-n', 'true'], { timeoutMs: 10_000 }).then(
			() => true,
			() => false,
		)
	)
		prefix = ['sudo', '-n'];
	else
		throw new Error(
			`${pkg} is not installed and this user cannot install it: run \`sudo apt-get install -y ${pkg}\` first`,
		);
	const apt = (args: string[]) => {
		const [command, ...rest] = [...prefix, 'apt-get', ...args];
		return runCommand(command, rest, {
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
			timeoutMs: 5 * MINUTE,
			log,
			label: `apt-get ${args.join(' ')}`,
		});
	};
	const started = Date.now();
	log(`installing the Debian package ${pkg} (apt-get install -y ${pkg})`);
	const first = await apt(['install', '-y', pkg]).then(
		() => undefined,
		(error: Error) => error,
	);
	if (first) {
		log(`apt-get install failed (${first.message.split('\n')[0]}); running apt-get update and retrying`);
		await apt(['update']);
		await apt(['install', '-y', pkg]);
	}
	if (!present()) throw new Error(`apt-get installed ${pkg}, but its programs are still missing`);
	log(`${pkg} installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** One RESP round trip on a fresh connection; resolves to the reply's first line or an error. */
function redisCommand(port: number, command: string, timeoutMs = 1_000): Promise<string> {
	return new Promise((resolve) => {
		const socket = connect({ host: LOOPBACK, port });
		let reply = '';
		const done = (value: string) => {
			socket.destroy();
			resolve(value);
		};
		socket.setTimeout(timeoutMs, () => done('timeout'));
		socket.on('error', (error) => done(`error ${error.message}`));
		socket.on('connect', () => socket.write(`${command}\r\n`));
		socket.on('data', (chunk) => {
			reply += chunk.toString('utf8');
			if (reply.includes('\r\n')) done(reply.split('\r\n')[0]);
		});
	});
}

export interface Service {
	port: number;
	/** Log of the service so far. */
	output(): string;
	/** Stops the service and removes its temp folder; idempotent, never throws. */
	stop(): Promise<void>;
}

const REDIS_SERVER = '/usr/bin/redis-server';

/** A fresh Redis on 127.0.0.1 (no persistence) in a temp folder: no stale keys from other runs. */
export async function startRedis(log: Log = defaultLog): Promise<Service> {
	await ensureDebianPackage('redis-server', () => existsSync(REDIS_SERVER), log);
	const dir = await fs.mkdtemp(join(tmpdir(), 'dr-e2e-redis-'));
	const port = await freePort();
	const started = Date.now();
	const daemon = startDaemon({
		label: 'redis-server',
		command: REDIS_SERVER,
		// The options of the verified recipe; `--logfile ""` logs to stdout (kept in output()).
		args: [
			'--bind',
			LOOPBACK,
			'--port',
			String(port),
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'no',
			'--logfile',
			'',
			'--daemonize',
			'no',
		],
		cwd: dir,
		log,
	});
	const stop = async () => {
		await daemon.stop().catch(() => undefined);
		await fs.rm(dir, { recursive: true, force: true });
	};
	const deadline = Date.now() + 15_000;
	for (;;) {
		if ((await redisCommand(port, 'PING')) === '+PONG') break;
		if (daemon.exited() || Date.now() > deadline) {
			await stop();
			throw new Error(
				`redis-server did not answer PING on ${LOOPBACK}:${port}\n--- redis log ---\n${daemon.output().slice(-3000)}`,
			);
		}
		await sleep(100);
	}
	log(`redis-server on ${LOOPBACK}:${port} in ${Date.now() - started} ms`);
	return { port, output: daemon.output, stop };
}

export interface Postgres extends Service {
	database: string;
	user: string;
	/** n8n's environment for this database. */
	n8nEnv: NodeJS.ProcessEnv;
	/** Runs one SQL statement with psql; rows as arrays of column texts. */
	query(sql: string): Promise<string[][]>;
}

/** The newest /usr/lib/postgresql/<major>/bin holding initdb and postgres. */
function postgresBin(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const majors = readdirSync(root)
		.filter(
			(name) =>
				/^\d+$/.test(name) &&
				existsSync(join(root, name, 'bin', 'initdb')) &&
				existsSync(join(root, name, 'bin', 'postgres')),
		)
		.sort((a, b) => Number(b) - Number(a));
	return majors.length > 0 ? join(root, majors[0], 'bin') : undefined;
}

/**
 * A throw-away PostgreSQL cluster on 127.0.0.1 (trust auth, fsync off: test data only). As
 * root the server runs as the `postgres` user (initdb refuses root) through `setpriv`, which
 * execs, so the pid we hold is the postmaster itself.
 */
export async function startPostgres(log: Log = defaultLog): Promise<Postgres> {
	await ensureDebianPackage('postgresql', () => postgresBin() !== undefined, log);
	const bin = postgresBin() as string;
	const dir = await fs.mkdtemp(join(tmpdir(), 'dr-e2e-pg-'));
	const dataDir = join(dir, 'data');
	const asOwner = (command: string, args: string[]): [string, string[]] =>
		isRoot()
			? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', command, ...args]]
			: [command, args];
	const startedAt = Date.now();
	let started = false;
	let daemon: Daemon | undefined;
	const stop = async () => {
		await daemon?.stop(15_000).catch(() => undefined);
		await fs.rm(dir, { recursive: true, force: true });
	};
	try {
		if (isRoot()) {
			await runCommand('chown', ['postgres:postgres', dir], { timeoutMs: 10_000 });
			await fs.chmod(dir, 0o700);
		}
		const [initdb, initdbArgs] = asOwner(join(bin, 'initdb'), [
			'-D',
			dataDir,
			'-U',
			'postgres',
			'--auth=trust',
			'-E',
			'UTF8',
			'--no-sync',
		]);
		await runCommand(initdb, initdbArgs, { cwd: dir, timeoutMs: MINUTE, label: 'initdb' });
		const port = await freePort();
		const [postgres, postgresArgs] = asOwner(join(bin, 'postgres'), [
			'-D',
			dataDir,
			'-p',
			String(port),
			'-k',
			dir,
			'-c',
			`listen_addresses=${LOOPBACK}`,
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
		]);
		daemon = startDaemon({
			label: 'postgres',
			command: postgres,
			args: postgresArgs,
			cwd: dir,
			stopSignal: 'SIGINT',
			log,
		});
		const psql = join(bin, 'psql');
		const deadline = Date.now() + 30_000;
		for (;;) {
			const ready = await runCommand(
				psql,
				['-h', LOOPBACK, '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-Atc', 'select 1'],
				{
					timeoutMs: 5_000,
				},
			).then(
				() => true,
				() => false,
			);
			if (ready) break;
			if (daemon.exited() || Date.now() > deadline) {
				throw new Error(
					`postgres did not accept connections on ${LOOPBACK}:${port}\n--- postgres log ---\n${daemon.output().slice(-3000)}`,
				);
			}
			await sleep(100);
		}
		const database = 'n8n';
		await runCommand(
			psql,
			[
				'-h',
				LOOPBACK,
				'-p',
				String(port),
				'-U',
				'postgres',
				'-d',
				'postgres',
				'-c',
				`create database ${database}`,
			],
			{
				timeoutMs: 30_000,
				label: 'create database',
			},
		);
		const { stdout } = await runCommand(join(bin, 'postgres'), ['--version'], { timeoutMs: 10_000 });
		log(`${stdout.trim()} on ${LOOPBACK}:${port} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
		const running = daemon;
		const query = async (sql: string): Promise<string[][]> => {
			const { stdout } = await runCommand(
				psql,
				['-h', LOOPBACK, '-p', String(port), '-U', 'postgres', '-d', database, '-AtF', '\t', '-c', sql],
				{
					timeoutMs: 30_000,
					label: 'psql',
				},
			);
			return stdout
				.split('\n')
				.filter((line) => line !== '')
				.map((line) => line.split('\t'));
		};
		started = true;
		return {
			query,
			port,
			database,
			user: 'postgres',
			output: () => running.output(),
			stop,
			n8nEnv: {
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: LOOPBACK,
				DB_POSTGRESDB_PORT: String(port),
				DB_POSTGRESDB_DATABASE: database,
				DB_POSTGRESDB_USER: 'postgres',
				DB_POSTGRESDB_PASSWORD: 'unused-trust-auth',
			},
		};
	} finally {
		if (!started) await stop();
	}
}
