/**
 * Prepare Form node runs through n8n's engine (n8n-core WorkflowExecute), our node or the
 * floor node, against the sandbox: what the prepare-form case and its loopback children time.
 */
import http from 'node:http';

import { registerNodeType, runWorkflow } from '../engine/run-workflow';
import { FloorNode, FLOOR_NODE_TYPE } from './floor-node';
import { median, timed } from './measure';
import type { RunningSandbox } from './sandbox-process';
import { NODE_NAME, NODE_TYPE, prepareFormParameters, sandboxCredential } from './workflows';

registerNodeType(FLOOR_NODE_TYPE, new FloorNode());

export interface NodeRun {
	nodeMs: number;
	wallMs: number;
	/** CPU time of this (client) process during the run; the sandbox runs in its own process. */
	cpuMs: number;
	connections: number;
}

export type Variant = { kind: 'ours'; parallel: number } | { kind: 'floor'; parallel: number; body: string };

export async function runNode(sandbox: RunningSandbox, items: number, variant: Variant): Promise<NodeRun> {
	const connectionsBefore = await sandbox.connections();
	const node =
		variant.kind === 'ours'
			? {
					name: NODE_NAME,
					type: NODE_TYPE,
					parameters: {
						...prepareFormParameters(sandbox.formType),
						options: { parallelRequests: variant.parallel },
					},
				}
			: {
					name: NODE_NAME,
					type: FLOOR_NODE_TYPE,
					parameters: { body: variant.body, parallel: variant.parallel },
				};
	const cpuBefore = process.cpuUsage();
	const { value: run, ms } = await timed(() =>
		runWorkflow({
			items: Array.from({ length: items }, () => ({})),
			nodes: [node],
			credentials: sandboxCredential(sandbox.baseUrl, sandbox.apiKey),
		}),
	);
	const cpu = process.cpuUsage(cpuBefore);
	if (run.error) throw new Error(`the workflow failed: ${run.error.message}`);
	const output = run.output(NODE_NAME);
	if (output.length !== items || output.some((item) => !item.json.prepared_form_url)) {
		throw new Error(`${variant.kind}: expected ${items} prepared forms, got ${output.length}`);
	}
	const nodeRun = run.run.data.resultData.runData[NODE_NAME]?.[0];
	return {
		nodeMs: nodeRun?.executionTime ?? Number.NaN,
		wallMs: ms,
		cpuMs: (cpu.user + cpu.system) / 1000,
		connections: (await sandbox.connections()) - connectionsBefore,
	};
}

/** The exact call the node made (headers and body), read back from the sandbox's record. */
export async function recordedCall(sandbox: RunningSandbox) {
	const calls = (await sandbox.requests()).filter((request) => request.path.endsWith('/prepare_form'));
	const last = calls[calls.length - 1];
	if (!last?.bodyText) throw new Error('the sandbox recorded no prepare_form body');
	if (calls.some((call) => call.status !== 200)) throw new Error('a prepare_form call was not answered 200');
	const headers: Record<string, string> = {};
	for (const name of ['authorization', 'content-type', 'accept', 'user-agent']) {
		if (last.headers[name]) headers[name] = last.headers[name];
	}
	return { headers, body: last.bodyText, connectionHeader: last.headers.connection ?? '' };
}

/**
 * What-if: the same node run, but every request n8n hands to node:http is given one shared
 * keep-alive agent instead of the fresh non-keep-alive agent n8n built for it — swapped
 * before the request is constructed, so it is sent with `Connection: keep-alive` and the
 * connection is reused (the sandbox counts the connections). Diagnostic only.
 */
export async function runWithSharedKeepAlive<T>(work: () => Promise<T>): Promise<T> {
	const shared = new http.Agent({ keepAlive: true, maxSockets: 10 });
	const module = http as unknown as { request: (...args: unknown[]) => http.ClientRequest };
	const original = module.request;
	module.request = function (...args: unknown[]) {
		const index = typeof args[0] === 'object' && !(args[0] instanceof URL) ? 0 : 1;
		if (args[index] && typeof args[index] === 'object') args[index] = { ...args[index], agent: shared };
		return original.apply(http, args);
	};
	try {
		return await work();
	} finally {
		module.request = original;
		shared.destroy();
	}
}

/** Median over rounds of the ratio within each round (the pair's A B B A runs). */
export function pairedRatio(
	numerator: NodeRun[],
	denominator: NodeRun[],
	of: 'nodeMs' | 'cpuMs' = 'nodeMs',
): number {
	return median(numerator.map((run, index) => run[of] / denominator[index][of]));
}

/** One round's figure from its two runs of a variant: their mean. */
function meanRun(a: NodeRun, b: NodeRun): NodeRun {
	const mean = (key: keyof NodeRun) => (a[key] + b[key]) / 2;
	return {
		nodeMs: mean('nodeMs'),
		wallMs: mean('wallMs'),
		cpuMs: mean('cpuMs'),
		connections: mean('connections'),
	};
}

/**
 * One round of a pair: our node and the floor node A B B A (which is A alternating by round),
 * because the load of a shared machine drifts within seconds and A B B A gives both the same
 * drift. Each node's figure for the round is the mean of its two runs.
 */
export async function runPair(
	sandbox: RunningSandbox,
	items: number,
	floor: Variant,
	round: number,
	into: Record<string, NodeRun[]>,
): Promise<void> {
	const { parallel } = floor;
	const variants: Array<[string, Variant]> = [
		[`ours${parallel}`, { kind: 'ours', parallel }],
		[`floor${parallel}`, floor],
	];
	if (round % 2) variants.reverse();
	const first: Record<string, NodeRun> = {};
	for (const [key, variant] of variants) first[key] = await runNode(sandbox, items, variant);
	for (const [key, variant] of variants.reverse()) {
		into[key].push(meanRun(first[key], await runNode(sandbox, items, variant)));
	}
}
