/**
 * Packs the repo (its dist/ must exist: `npm run build`) and installs the tarball into
 * `<userFolder>/.n8n/nodes` the way n8n's Community Nodes screen installs a package, before
 * n8n starts (n8n loads that folder's node_modules/<package> at start).
 */
import { existsSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Log, runCommand } from './exec';
import { defaultLog, type Toolchain } from './toolchain';

import { REPO_ROOT } from '../repo-root';

export { REPO_ROOT };
const MINUTE = 60_000;

export interface PackedPackage {
	name: string;
	version: string;
	tarball: string;
	files: string[];
	/** Removes the temp folder holding the tarball. */
	cleanup(): Promise<void>;
}

/** `npm pack` of `packageDir` (default: the repo) into a new temp folder. */
export async function packPackage(
	toolchain: Toolchain,
	packageDir = REPO_ROOT,
	log: Log = defaultLog,
): Promise<PackedPackage> {
	const packageJson = JSON.parse(await fs.readFile(join(packageDir, 'package.json'), 'utf8')) as {
		name: string;
		n8n?: { nodes?: string[]; credentials?: string[] };
	};
	const declared = [...(packageJson.n8n?.nodes ?? []), ...(packageJson.n8n?.credentials ?? [])];
	const missing = declared.filter((file) => !existsSync(join(packageDir, file)));
	if (missing.length > 0) {
		throw new Error(
			`${packageJson.name}: built files missing (run \`npm run build\` first): ${missing.join(', ')}`,
		);
	}
	const dir = await fs.mkdtemp(join(tmpdir(), 'dr-e2e-pack-'));
	let packed = false;
	try {
		const { stdout } = await runCommand(
			'npm',
			['pack', '--json', '--ignore-scripts', '--pack-destination', dir, packageDir],
			{
				cwd: dir,
				env: toolchain.env(),
				timeoutMs: 2 * MINUTE,
				label: 'npm pack',
			},
		);
		const [info] = JSON.parse(stdout) as Array<{
			name: string;
			version: string;
			filename: string;
			files: Array<{ path: string }>;
		}>;
		const tarball = join(dir, info.filename.replace(/^@/, '').replace(/\//, '-'));
		await fs.access(tarball);
		log(`packed ${info.name}@${info.version} (${info.files.length} files)`);
		packed = true;
		return {
			name: info.name,
			version: info.version,
			tarball,
			files: info.files.map((file) => file.path),
			cleanup: () => fs.rm(dir, { recursive: true, force: true }),
		};
	} finally {
		if (!packed) await fs.rm(dir, { recursive: true, force: true });
	}
}

/** The folder n8n loads community packages from (`instanceSettings.nodesDownloadDir`). */
export function nodesFolder(userFolder: string): string {
	return join(userFolder, '.n8n', 'nodes');
}

/**
 * Installs a packed tarball into `<userFolder>/.n8n/nodes` with the steps of n8n 2.41.1's
 * Community Nodes install (`CommunityPackagesService.downloadPackage`, packages/cli/src/
 * modules/community-packages/community-packages.service.ts), the registry download replaced
 * by our own tarball:
 * 1. the folder's ledger package.json `{ name: 'installed-nodes', private, dependencies }`
 *    exists (`ensurePackageJson`; created here when n8n has not run yet);
 * 2. the tarball is unpacked into `node_modules/<name>` (`tar -xzf --strip-components=1`);
 * 3. devDependencies, peerDependencies and optionalDependencies are dropped from its
 *    package.json (so n8n-workflow is never installed beside n8n's own);
 * 4. `npm install --audit=false --fund=false --bin-links=false --install-strategy=shallow
 *    --ignore-scripts=true --package-lock=false` runs inside the package folder;
 * 5. the ledger records `dependencies[name] = version`.
 * (The installed_packages DB rows the screen also writes only list the package under
 * Settings → Community nodes; loading at start does not need them.)
 */
export async function installTarball(
	toolchain: Toolchain,
	userFolder: string,
	packed: { name: string; version: string; tarball: string },
	log: Log = defaultLog,
): Promise<string> {
	const started = Date.now();
	const folder = nodesFolder(userFolder);
	await fs.mkdir(folder, { recursive: true });
	const ledgerPath = join(folder, 'package.json');
	let ledger: { name: string; private: boolean; dependencies: Record<string, string> } = {
		name: 'installed-nodes',
		private: true,
		dependencies: {},
	};
	if (existsSync(ledgerPath)) {
		const existing = JSON.parse(await fs.readFile(ledgerPath, 'utf8')) as typeof ledger;
		if (existing.dependencies) ledger = existing;
	}
	const packageDir = join(folder, 'node_modules', packed.name);
	await fs.rm(packageDir, { recursive: true, force: true });
	await fs.mkdir(packageDir, { recursive: true });
	await runCommand('tar', ['-xzf', packed.tarball, '-C', packageDir, '--strip-components=1'], {
		timeoutMs: MINUTE,
		label: `unpack ${packed.tarball}`,
	});
	const packageJsonPath = join(packageDir, 'package.json');
	const packageJson = JSON.parse(await fs.readFile(packageJsonPath, 'utf8')) as Record<string, unknown>;
	for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete packageJson[key];
	await fs.writeFile(packageJsonPath, JSON.stringify(packageJson, null, 2));
	await runCommand(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
			'--loglevel=error',
		],
		{ cwd: packageDir, env: toolchain.env(), timeoutMs: 3 * MINUTE, label: `npm install (in ${packageDir})` },
	);
	ledger.dependencies[packed.name] = packed.version;
	await fs.writeFile(ledgerPath, JSON.stringify(ledger, null, 2));
	log(
		`installed ${packed.name}@${packed.version} into ${folder} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
	);
	return packageDir;
}

/** Packs `packageDir` and installs it into the user folder; the tarball is removed afterwards. */
export async function installPackage(
	toolchain: Toolchain,
	userFolder: string,
	packageDir = REPO_ROOT,
	log: Log = defaultLog,
): Promise<{ name: string; version: string; files: string[] }> {
	const packed = await packPackage(toolchain, packageDir, log);
	try {
		await installTarball(toolchain, userFolder, packed, log);
		const installed = join(nodesFolder(userFolder), 'node_modules', packed.name, 'package.json');
		if (!existsSync(installed))
			throw new Error(`${packed.name} is not in ${nodesFolder(userFolder)}/node_modules after npm install`);
		return { name: packed.name, version: packed.version, files: packed.files };
	} finally {
		await packed.cleanup();
	}
}
