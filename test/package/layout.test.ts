/**
 * The shape of the product code, read from the source tree (README, “Layout”): declarations are
 * only declarations, the API's vocabulary lives in its client, imports point one way, and file
 * names follow one casing rule.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

import ts from 'typescript';

const root = join(__dirname, '..', '..');

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? [path, ...walk(path)] : [path];
	});
}

/** Paths relative to the repository, with forward slashes. */
const rel = (path: string) => relative(root, path).split(sep).join('/');
const nodePaths = walk(join(root, 'nodes')).map(rel);
const sources = nodePaths.filter((path) => path.endsWith('.ts'));
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** Each import of a source file, resolved to a repository path (without extension). */
function importsOf(path: string): string[] {
	const targets = [...read(path).matchAll(/\bfrom '(\.[^']+)'/g)].map((match) => match[1]);
	return targets.map((target) => rel(resolve(root, dirname(path), target)));
}

/** Where a path sits in the declared layers. */
function layerOf(path: string): string {
	if (path.startsWith('nodes/shared/transport')) return 'transport';
	if (path.startsWith('nodes/shared/api')) return 'api';
	if (path.startsWith('nodes/shared')) return 'shared';
	const match = /^nodes\/DentalReferrals[A-Za-z]*\/(descriptions|input|actions)\//.exec(path);
	if (match) return match[1];
	return path.startsWith('nodes/') ? 'node' : 'outside';
}

/** Which layers each layer may not import. */
const FORBIDDEN: Record<string, string[]> = {
	descriptions: ['actions', 'input', 'transport'],
	input: ['actions', 'transport'],
	actions: ['transport'],
	node: ['transport'],
	shared: ['descriptions', 'input', 'actions', 'node', 'transport'],
	api: ['descriptions', 'input', 'actions', 'node'],
	transport: ['api', 'descriptions', 'input', 'actions', 'node'],
};

/** Names of functions an exported declaration may not call: n8n's readers, and the API. */
function forbiddenCalls(source: ts.SourceFile): Set<string> {
	const names = new Set(['getNodeParameter', 'getCredentials', 'apiRequest']);
	for (const statement of source.statements) {
		if (!ts.isImportDeclaration(statement)) continue;
		const from = (statement.moduleSpecifier as ts.StringLiteral).text;
		const bindings = statement.importClause?.namedBindings;
		if (/shared\/(api|transport)/.test(from) && bindings && ts.isNamedImports(bindings)) {
			for (const element of bindings.elements) names.add(element.name.text);
		}
	}
	return names;
}

/** Exported functions (declared, or as const) of a file, with their text. */
function exportedFunctions(source: ts.SourceFile): Array<{ name: string; text: string }> {
	const exported = (node: ts.Node) =>
		ts.canHaveModifiers(node) &&
		!!ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
	const found: Array<{ name: string; text: string }> = [];
	for (const statement of source.statements) {
		if (!exported(statement)) continue;
		if (ts.isFunctionDeclaration(statement)) {
			found.push({ name: statement.name?.text ?? '', text: statement.getText(source) });
		}
		if (ts.isVariableStatement(statement)) {
			for (const declaration of statement.declarationList.declarations) {
				const init = declaration.initializer;
				if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) {
					found.push({ name: declaration.name.getText(source), text: init.getText(source) });
				}
			}
		}
	}
	return found;
}

const ENDPOINTS = [
	'available_forms',
	'prepare_form',
	'save_draft',
	'referral_status',
	'batch_referral_status',
	'patient_referrals',
	'prepare_fileupload',
	'add_file',
];

// kebab-case words, with dotted suffixes such as .operation.ts; or a name n8n's conventions fix.
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$/;
const N8N_NAMES = [
	/^DentalReferrals[A-Za-z]*$/,
	/^[A-Z][A-Za-z]*\.node\.(ts|json)$/,
	/^[A-Z][A-Za-z]*\.credentials\.ts$/,
];

describe('source layout', () => {
	test('descriptions only declare: no exported function reads parameters, the credential or the API', () => {
		const descriptions = sources.filter((path) => layerOf(path) === 'descriptions');
		expect(descriptions.length).toBeGreaterThan(0);
		const offenders: string[] = [];
		for (const path of descriptions) {
			const source = ts.createSourceFile(path, read(path), ts.ScriptTarget.Latest, true);
			const forbidden = forbiddenCalls(source);
			for (const { name, text } of exportedFunctions(source)) {
				const calls = [...text.matchAll(/\b([A-Za-z_$][\w$]*)\s*(?:\.call)?\(/g)].map((match) => match[1]);
				const bad = calls.filter((call) => forbidden.has(call));
				if (bad.length) offenders.push(`${path}: ${name} calls ${[...new Set(bad)].join(', ')}`);
			}
		}
		expect(offenders).toEqual([]);
	});

	test('each endpoint of the API is named in exactly one file, in the API client', () => {
		const where = Object.fromEntries(
			ENDPOINTS.map((endpoint) => {
				const named = new RegExp(`['"\`/]${endpoint}['"\`]`);
				return [endpoint, sources.filter((path) => named.test(read(path)))];
			}),
		);
		for (const endpoint of ENDPOINTS) {
			expect({ endpoint, files: where[endpoint] }).toEqual({
				endpoint,
				files: [expect.stringMatching(/^nodes\/shared\/api\//)],
			});
		}
		// Nothing else sends a request by endpoint: only the client calls the transport's apiRequest.
		const callers = sources.filter(
			(path) => /\bapiRequest\b/.test(read(path)) && !/^nodes\/shared\/(api|transport)\//.test(path),
		);
		expect(callers).toEqual([]);
	});

	test('imports point one way: actions → input → descriptions, nodes → api → transport, shared ↛ nodes', () => {
		const offenders: string[] = [];
		for (const path of sources) {
			const layer = layerOf(path);
			for (const target of importsOf(path)) {
				if (FORBIDDEN[layer]?.includes(layerOf(target))) offenders.push(`${path} imports ${target}`);
			}
		}
		expect(offenders).toEqual([]);
	});

	test('file and folder names are kebab-case, apart from the names n8n fixes', () => {
		const paths = [...nodePaths, ...walk(join(root, 'credentials')).map(rel)];
		const names = [...new Set(paths.flatMap((path) => path.split('/').slice(1)))];
		const offenders = names.filter(
			(name) => !KEBAB.test(name) && !N8N_NAMES.some((pattern) => pattern.test(name)),
		);
		expect(offenders).toEqual([]);
	});

	test('comments cite the API documentation by section, not a document outside the repository', () => {
		const paths = [...sources, ...walk(join(root, 'credentials')).map(rel)];
		expect(paths.filter((path) => /\bseed\b/i.test(read(path)))).toEqual([]);
	});
});
