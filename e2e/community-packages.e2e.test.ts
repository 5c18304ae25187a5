/**
 * The real install path: a running n8n installs this package through the same REST call its
 * Settings → Community Nodes screen makes (`POST /rest/community-packages { name }`), updates it
 * (`PATCH`) to a newer version and uninstalls it (`DELETE ?name=`), all from "registry.npmjs.org"
 * — the loopback stand-in of tools/n8n/npm-registry-stand-in.ts serving our `npm pack` tarballs, which
 * n8n and its npm reach through the standard proxy/CA settings of their environment only.
 *
 * A first test installs it the way a person does: Settings → Community Nodes → Install, clicked in
 * the real editor (headless Chromium), with the list's card as the proof on screen and REST as the
 * proof underneath. Each test starts and ends with no package installed.
 *
 * This n8n is its own instance (not the shared stack): it starts without the package.
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startSandbox } from '../tools/sandbox';
import { launchBrowser, loginBrowser, snapshotOnFailure } from '../tools/n8n/browser';
import { runCommand } from '../tools/n8n/exec';
import { nodesFolder, packPackage, type PackedPackage } from '../tools/n8n/install-package';
import { N8nApi, n8nMajor } from '../tools/n8n/n8n-api';
import { type N8nProcess, startN8n } from '../tools/n8n/n8n-process';
import { startRegistryStandIn, type RegistryStandIn } from '../tools/n8n/npm-registry-stand-in';
import { DEFAULT_OWNER } from '../tools/n8n/stack';
import { ensureToolchain, N8N_VERSION, type Toolchain } from '../tools/n8n/toolchain';

const NAME = 'n8n-nodes-dental-referrals';
const ARTIFACTS = join(__dirname, 'artifacts');
const NODE_TYPES = [
	`${NAME}.dentalReferrals`,
	`${NAME}.dentalReferralsStatusTrigger`,
	`${NAME}.dentalReferralsTrigger`,
].sort();

/**
 * The install dialog's selectors (package-name-input, user-agreement-checkbox,
 * install-community-package-button) were read from 2.41.1's editor bundle and the click-through
 * run there only; 1.123.x and 2.20.x keep the REST test below.
 */
const [major, minor] = N8N_VERSION.split('.').map(Number);
const itInTheEditor = major > 2 || (major === 2 && minor >= 41) ? it : it.skip;

interface InstalledPackage {
	packageName: string;
	installedVersion: string;
	installedNodes: Array<{ name: string; type: string }>;
	/** Set by the list (GET) when npm reports a newer version. */
	updateAvailable?: string;
}

/** The same tarball with the next patch version (what a release would publish). */
async function nextVersion(toolchain: Toolchain, packed: PackedPackage, dir: string): Promise<string> {
	const unpacked = join(dir, 'next');
	await fs.mkdir(unpacked, { recursive: true });
	await runCommand('tar', ['-xzf', packed.tarball, '-C', unpacked, '--strip-components=1'], {
		timeoutMs: 60_000,
	});
	const manifestPath = join(unpacked, 'package.json');
	const manifest = JSON.parse(await fs.readFile(manifestPath, 'utf8')) as { version: string };
	const [major, minor, patch] = manifest.version.split('.').map(Number);
	manifest.version = `${major}.${minor}.${patch + 1}`;
	await fs.writeFile(manifestPath, JSON.stringify(manifest, null, 2));
	const { stdout } = await runCommand(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', dir, unpacked],
		{
			cwd: dir,
			env: toolchain.env(),
			timeoutMs: 120_000,
		},
	);
	const [result] = JSON.parse(stdout) as Array<{ filename: string }>;
	return join(dir, result.filename);
}

describe('installing from the Community Nodes screen (POST /rest/community-packages)', () => {
	let toolchain: Toolchain;
	let registry: RegistryStandIn;
	let packed: PackedPackage;
	let n8n: N8nProcess;
	let api: N8nApi;
	let work: string;
	let sandbox: Awaited<ReturnType<typeof startSandbox>>;

	beforeAll(async () => {
		toolchain = await ensureToolchain();
		work = await fs.mkdtemp(join(tmpdir(), 'dr-e2e-community-'));
		packed = await packPackage(toolchain);
		registry = await startRegistryStandIn();
		sandbox = await startSandbox({ host: '127.0.0.1' });
		const userFolder = join(work, 'n8n');
		await fs.mkdir(nodesFolder(userFolder), { recursive: true });
		if (n8nMajor(toolchain.n8nVersion) === 1) {
			// n8n 1.x runs `npm outdated` (the list's update check) without its environment; an
			// admin behind a proxy configures that npm in the nodes folder (see the README).
			await fs.writeFile(join(nodesFolder(userFolder), '.npmrc'), registry.npmrc());
		}
		n8n = await startN8n({
			toolchain,
			userFolder,
			env: { ...registry.env(), N8N_LOG_LEVEL: 'debug' },
		});
		api = new N8nApi(n8n.baseUrl, undefined, toolchain.n8nVersion);
		await api.setupOwner(DEFAULT_OWNER);
		await api.login(DEFAULT_OWNER.email, DEFAULT_OWNER.password);
	}, 600_000);

	afterAll(async () => {
		if (n8n) {
			await fs
				.writeFile(join(__dirname, 'artifacts', 'community-packages-n8n.log'), n8n.output())
				.catch(() => undefined);
			await n8n.stop();
		}
		await sandbox?.close();
		await registry?.close();
		await packed?.cleanup();
		if (work) await fs.rm(work, { recursive: true, force: true });
	});

	/** Uninstalls the package when it is installed, so the next test starts from an empty list. */
	async function uninstallIfInstalled(): Promise<void> {
		const listed = await api.rest<InstalledPackage[]>('GET', '/community-packages');
		if (!listed.some((entry) => entry.packageName === NAME)) return;
		await api.rest('DELETE', `/community-packages?name=${encodeURIComponent(NAME)}`, undefined, 120_000);
	}

	itInTheEditor(
		'installs the package through Settings → Community Nodes → Install in the editor',
		async () => {
			const first = await registry.publish(packed.tarball);
			expect(await api.rest<InstalledPackage[]>('GET', '/community-packages')).toEqual([]);
			await fs.mkdir(ARTIFACTS, { recursive: true });
			const browser = await launchBrowser(n8n.baseUrl);
			try {
				const { page } = browser;
				await loginBrowser(browser.context, n8n.baseUrl, DEFAULT_OWNER.email, DEFAULT_OWNER.password);
				await snapshotOnFailure(page, ARTIFACTS, 'community-nodes-open', async () => {
					await page.goto('/settings/community-nodes', { waitUntil: 'domcontentloaded', timeout: 60_000 });
					// An empty list shows "Install a community node" in its action box; a list, "Install".
					await page
						.getByRole('button', { name: /^(Install a community node|Install)$/ })
						.first()
						.click({ timeout: 60_000 });
				});
				await snapshotOnFailure(page, ARTIFACTS, 'community-nodes-install', async () => {
					// The test id sits on the <input> itself or on its wrapper, depending on the input component.
					await page
						.locator('input[data-test-id="package-name-input"], [data-test-id="package-name-input"] input')
						.first()
						.fill(NAME);
					await page.getByTestId('user-agreement-checkbox').first().click();
					// Enabled only once the name is typed and the risk acknowledged.
					await page.getByTestId('install-community-package-button').first().click();
				});
				let card = '';
				await snapshotOnFailure(page, ARTIFACTS, 'community-nodes-installed', async () => {
					const installedCard = page.getByTestId('community-package-card').filter({ hasText: NAME }).first();
					await installedCard.waitFor({ state: 'visible', timeout: 300_000 });
					card = (await installedCard.innerText()).replace(/\s+/g, ' ');
					// The dialog closes once n8n answers the install: the list is then in full view.
					await page
						.getByTestId('install-community-package-button')
						.first()
						.waitFor({ state: 'hidden', timeout: 60_000 });
					await page.screenshot({ path: join(ARTIFACTS, 'community-nodes-installed.png') });
				});
				expect(card).toContain(`v${first.version}`);
				expect(card).toContain('Dental Referrals');
				// The empty list's text asks api.npms.io for a package count (blocked, loopback only).
				if (browser.blocked.length > 0)
					console.log(`[e2e] Community Nodes screen tried to reach (blocked): ${browser.blocked.join(', ')}`);
			} finally {
				await browser.close();
			}

			const listed = await api.rest<InstalledPackage[]>('GET', '/community-packages');
			expect(listed.map((entry) => [entry.packageName, entry.installedVersion])).toEqual([
				[NAME, first.version],
			]);
			expect(listed[0].installedNodes.map((node) => node.type).sort()).toEqual(NODE_TYPES);
			// From "registry.npmjs.org" through the proxy, i.e. the stand-in serving our tarball.
			expect(registry.requests.map((request) => request.path)).toContain(
				`/${NAME}/-/${NAME}-${first.version}.tgz`,
			);
			const types = (await api.getNodeTypes()).map((type) => type.name);
			// Loaded into the running n8n: the three nodes, plus the AI-tool variant n8n derives from the action node.
			expect(types.filter((type) => type.startsWith(`${NAME}.`)).sort()).toEqual(
				[...NODE_TYPES, `${NAME}.dentalReferralsTool`].sort(),
			);
		},
		600_000,
	);

	afterEach(uninstallIfInstalled, 180_000);

	it('installs, updates and uninstalls the package like the Community Nodes screen', async () => {
		const first = await registry.publish(packed.tarball);
		expect(await api.rest<InstalledPackage[]>('GET', '/community-packages')).toEqual([]);

		const installed = await api.rest<InstalledPackage>(
			'POST',
			'/community-packages',
			{ name: NAME },
			300_000,
		);
		expect(installed.packageName).toBe(NAME);
		expect(installed.installedVersion).toBe(first.version);
		expect(installed.installedNodes.map((node) => node.type).sort()).toEqual(NODE_TYPES);
		// It came from "registry.npmjs.org", i.e. through the proxy to the stand-in, as a real install would.
		expect(registry.requests.map((request) => request.path)).toEqual(
			expect.arrayContaining([`/${NAME}`, `/${NAME}/-/${NAME}-${first.version}.tgz`]),
		);

		// The installed package works: its credential type tests against the sandbox.
		const result = await api.testCredential({
			id: '',
			type: 'dentalReferralsApi',
			data: { environment: 'custom', baseUrl: sandbox.baseUrl, apiKey: sandbox.practices[0].apiKey },
		});
		expect(result.status).toBe('OK');

		const next = await registry.publish(await nextVersion(toolchain, packed, work));
		// The screen's list offers the update: n8n's `npm outdated` reached the registry too.
		const offered = await api.rest<InstalledPackage[]>('GET', '/community-packages');
		expect(offered.map((entry) => [entry.packageName, entry.updateAvailable])).toEqual([
			[NAME, next.version],
		]);
		const updated = await api.rest<InstalledPackage>('PATCH', '/community-packages', { name: NAME }, 300_000);
		expect(updated.installedVersion).toBe(next.version);
		const listed = await api.rest<InstalledPackage[]>('GET', '/community-packages');
		expect(listed.map((entry) => [entry.packageName, entry.installedVersion])).toEqual([
			[NAME, next.version],
		]);

		await api.rest('DELETE', `/community-packages?name=${encodeURIComponent(NAME)}`, undefined, 120_000);
		expect(await api.rest<InstalledPackage[]>('GET', '/community-packages')).toEqual([]);
		const types = (await api.getNodeTypes()).map((type) => type.name);
		expect(types.filter((type) => type.startsWith(`${NAME}.`))).toEqual([]);
	});
});
