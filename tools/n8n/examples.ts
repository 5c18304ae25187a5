/**
 * Reads the repo's `examples/*.json` workflows and turns them into public-API workflow
 * bodies whose Dental Referrals credential references point at a given credential.
 */
import { existsSync, promises as fs } from 'node:fs';
import { basename, join } from 'node:path';

import { REPO_ROOT } from './install-package';
import { type CredentialRef, parseJson, type WorkflowDefinition, type WorkflowNode } from './n8n-api';

export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');

/** Settings the public API accepts on create (it refuses unknown keys). */
const ALLOWED_SETTINGS = new Set([
	'saveExecutionProgress',
	'saveManualExecutions',
	'saveDataErrorExecution',
	'saveDataSuccessExecution',
	'executionTimeout',
	'errorWorkflow',
	'timezone',
	'executionOrder',
	'callerPolicy',
	'callerIds',
]);

export interface ExampleWorkflow {
	file: string;
	definition: WorkflowDefinition;
}

/** Points every credential slot of `credential.type` at `credential`. */
export function withCredential(nodes: WorkflowNode[], credential: CredentialRef): WorkflowNode[] {
	return nodes.map((node) => {
		if (!node.credentials || !(credential.type in node.credentials)) return node;
		return {
			...node,
			credentials: { ...node.credentials, [credential.type]: { id: credential.id, name: credential.name } },
		};
	});
}

export function toDefinition(
	raw: Record<string, unknown>,
	file: string,
	credential?: CredentialRef,
): WorkflowDefinition {
	const nodes = raw.nodes as WorkflowNode[] | undefined;
	if (!Array.isArray(nodes) || typeof raw.connections !== 'object' || raw.connections === null) {
		throw new Error(`${file}: not an n8n workflow export (needs "nodes" and "connections")`);
	}
	const settings = Object.fromEntries(
		Object.entries((raw.settings as Record<string, unknown> | undefined) ?? {}).filter(([key]) =>
			ALLOWED_SETTINGS.has(key),
		),
	);
	return {
		name: typeof raw.name === 'string' ? raw.name : basename(file, '.json'),
		nodes: credential ? withCredential(nodes, credential) : nodes,
		connections: raw.connections as Record<string, unknown>,
		settings: { executionOrder: 'v1', ...settings },
	};
}

/** Every `examples/*.json` (sorted); none when the folder does not exist yet. */
export async function readExamples(
	credential?: CredentialRef,
	dir = EXAMPLES_DIR,
): Promise<ExampleWorkflow[]> {
	if (!existsSync(dir)) return [];
	const files = (await fs.readdir(dir)).filter((file) => file.endsWith('.json')).sort();
	const examples: ExampleWorkflow[] = [];
	for (const file of files) {
		const path = join(dir, file);
		const parsed = parseJson(await fs.readFile(path, 'utf8'));
		if (!parsed.ok) throw new Error(`${path}: invalid JSON (${parsed.error})`);
		examples.push({
			file,
			definition: toDefinition(parsed.value as Record<string, unknown>, file, credential),
		});
	}
	return examples;
}
