/**
 * n8n's verification scanner, `@n8n/scan-community-package` (pinned devDependency), run the way
 * `npx @n8n/scan-community-package n8n-nodes-dental-referrals` runs after its provenance and
 * download steps: its own `analyzePackage` (ESLint with `allowInlineConfig: false`, so no
 * `eslint-disable` counts) on
 *   - the attested source: this repo with the scanner's SOURCE_FILE_PATTERNS
 *     (`package.json`, `{nodes,credentials}/**`);
 *   - the published artifact: our `npm pack` tarball extracted as the scanner extracts it, both
 *     with the patterns 0.32.0 uses for it (`**\/*.js`, `package.json`) and with analyzePackage's
 *     defaults (every `.js`, `.ts` and `.json` file), which earlier scanner versions used and
 *     which is where shipped `.d.ts` declarations failed `cred-filename-against-convention`.
 * Nothing is downloaded: the provenance and GitHub steps need a published version (see the
 * release workflow); every lint rule runs unchanged.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(__dirname, '..', '..');
const SCANNER = pathToFileURL(require.resolve('@n8n/scan-community-package/scanner/scanner.mjs')).href;
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const SCANNER_VERSION: string = readJson(require.resolve('@n8n/scan-community-package/package.json')).version;
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

interface ScanResult {
	passed: boolean;
	message?: string;
	details?: string;
	sourcePatterns?: string[];
}

/** Runs the scanner's analyzePackage in a child Node (it is an ES module) and returns its verdict. */
function analyze(dir: string, patterns: string[] | 'default' | 'source'): ScanResult {
	const code = `
		import { analyzePackage, SOURCE_FILE_PATTERNS } from ${JSON.stringify(SCANNER)};
		const [dir, mode] = process.argv.slice(1);
		const patterns = mode === 'default' ? undefined : mode === 'source' ? SOURCE_FILE_PATTERNS : JSON.parse(mode);
		const { passed, message, details } = await analyzePackage(dir, patterns);
		process.stdout.write(JSON.stringify({ passed, message, details, sourcePatterns: SOURCE_FILE_PATTERNS }));
	`;
	const mode = typeof patterns === 'string' ? patterns : JSON.stringify(patterns);
	// Not jest's NODE_ENV=test: with it, eslint-plugin-n8n-nodes-base pretends every file is
	// `Test.node.ts` and its file-name rules misfire.
	const env = { ...process.env };
	delete env.NODE_ENV;
	const out = execFileSync(process.execPath, ['--input-type=module', '-e', code, dir, mode], {
		cwd: root,
		env,
		encoding: 'utf8',
		maxBuffer: 16 * 1024 * 1024,
		timeout: 240_000,
	});
	return JSON.parse(out) as ScanResult;
}

function report(result: ScanResult): string {
	return `${result.message ?? ''}\n${result.details ?? ''}`;
}

describe(`n8n's scanner (@n8n/scan-community-package ${SCANNER_VERSION})`, () => {
	jest.setTimeout(300_000);
	let work: string;
	let packageDir: string;
	let shipped: string[];

	beforeAll(() => {
		work = mkdtempSync(join(tmpdir(), 'dr-scan-'));
		const [packed] = JSON.parse(
			execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
				cwd: root,
				encoding: 'utf8',
			}),
		) as Array<{ filename: string; files: Array<{ path: string }> }>;
		shipped = packed.files.map((file) => file.path);
		// As the scanner does after `npm pack <name>@<version>`: unpack with the top folder stripped.
		packageDir = join(work, 'n8n-nodes-dental-referrals');
		mkdirSync(packageDir);
		execFileSync('tar', ['-xzf', join(work, packed.filename), '-C', packageDir, '--strip-components=1']);
	});

	afterAll(() => {
		if (work) rmSync(work, { recursive: true, force: true });
	});

	it('is the pinned version this test was written against', () => {
		const pkg = readJson(join(root, 'package.json'));
		expect(pkg.devDependencies['@n8n/scan-community-package']).toBe(SCANNER_VERSION);
		expect(SCANNER_VERSION).toBe('0.32.0');
	});

	it('the package ships what n8n loads and nothing else: no .d.ts, no source maps', () => {
		expect(shipped.filter((file) => /\.d\.ts$|\.map$/.test(file))).toEqual([]);
		expect(shipped.filter((file) => file.endsWith('.ts'))).toEqual([]);
	});

	it('source leg passes: package.json + {nodes,credentials}/** of this repo', () => {
		const result = analyze(root, 'source');
		expect(result.sourcePatterns).toEqual(['package.json', '{nodes,credentials}/**/*.{js,ts,json}']);
		expect(report(result)).toBe('\n');
		expect(result.passed).toBe(true);
	});

	it('tarball leg passes with the patterns the scanner uses (compiled .js + package.json)', () => {
		const result = analyze(packageDir, TARBALL_PATTERNS);
		expect(report(result)).toBe('\n');
		expect(result.passed).toBe(true);
	});

	it('tarball leg passes with analyzePackage defaults too (every .js, .ts and .json shipped)', () => {
		const result = analyze(packageDir, 'default');
		expect(report(result)).toBe('\n');
		expect(result.passed).toBe(true);
	});

	it('the scanner really lints the tarball: a shipped credential declaration fails as it used to', () => {
		const planted = join(work, 'planted');
		cpSync(packageDir, planted, { recursive: true });
		const credentials = join(planted, 'dist', 'credentials');
		expect(readdirSync(credentials)).toContain('DentalReferralsApi.credentials.js');
		writeFileSync(
			join(credentials, 'DentalReferralsApi.credentials.d.ts'),
			"import type { ICredentialType } from 'n8n-workflow';\nexport declare class DentalReferralsApi implements ICredentialType {\n\tname: string;\n}\n",
		);
		const result = analyze(planted, 'default');
		expect(result.passed).toBe(false);
		expect(report(result)).toContain('n8n-nodes-base/cred-filename-against-convention');
	});
});
