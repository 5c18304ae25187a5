/**
 * Case 1: Prepare Form over N items through n8n's engine (n8n-core WorkflowExecute, one
 * run) against the sandbox, next to raw node:http loops doing the same N POSTs in sequence:
 * one with a keep-alive agent (the floor) and one opening a connection per call.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';

import { runWorkflow } from '../../test/harness/run-workflow';
import type { BenchConfig } from '../config';
import { median, timed } from '../measure';
import { formLoop } from '../raw-http';
import { check, round, type CaseResult } from '../results';
import type { SandboxProcess } from '../sandbox-process';
import { NODE_NAME, NODE_TYPE, prepareFormParameters, sandboxCredential } from '../workflows';

interface NodeRun {
	nodeMs: number;
	wallMs: number;
}

async function runNode(sandbox: SandboxProcess, items: number): Promise<NodeRun> {
	const { value: run, ms } = await timed(() =>
		runWorkflow({
			items: Array.from({ length: items }, () => ({})),
			nodes: [{ name: NODE_NAME, type: NODE_TYPE, parameters: prepareFormParameters(sandbox.formType) }],
			credentials: sandboxCredential(sandbox.baseUrl, sandbox.apiKey),
		}),
	);
	if (run.error) throw new Error(`the workflow failed: ${run.error.message}`);
	const output = run.output(NODE_NAME);
	if (output.length !== items || output.some((item) => !item.json.prepared_form_url)) {
		throw new Error(`expected ${items} prepared forms, got ${output.length}`);
	}
	const nodeRun = run.run.data.resultData.runData[NODE_NAME]?.[0];
	return { nodeMs: nodeRun?.executionTime ?? Number.NaN, wallMs: ms };
}

/** The exact call the node made (headers and body), read back from the sandbox's record. */
async function recordedCall(sandbox: SandboxProcess) {
	const calls = (await sandbox.requests()).filter((request) => request.path.endsWith('/prepare_form'));
	const last = calls[calls.length - 1];
	if (!last?.bodyText) throw new Error('the sandbox recorded no prepare_form body');
	if (calls.some((call) => call.status !== 200)) throw new Error('a prepare_form call was not answered 200');
	const headers: Record<string, string> = {};
	for (const name of ['authorization', 'content-type', 'accept', 'user-agent']) {
		if (last.headers[name]) headers[name] = last.headers[name];
	}
	return { headers, body: Buffer.from(last.bodyText) };
}

/**
 * What-if: the same node run, but every http.Agent n8n creates hands its requests to one
 * shared keep-alive agent, as n8n would if it reused agents. Diagnostic only.
 */
async function runNodeWithSharedKeepAlive(sandbox: SandboxProcess, items: number): Promise<NodeRun> {
	const prototype = http.Agent.prototype as unknown as { addRequest: (...args: unknown[]) => unknown };
	const original = prototype.addRequest;
	const shared = new http.Agent({ keepAlive: true, maxSockets: 1 });
	prototype.addRequest = function (this: unknown, ...args: unknown[]) {
		return original.apply(this === shared ? this : shared, args);
	};
	try {
		return await runNode(sandbox, items);
	} finally {
		prototype.addRequest = original;
		shared.destroy();
	}
}

/** Sockets in TIME_WAIT on this machine (IPv4), from /proc/net/tcp. */
function timeWaitSockets(): number {
	return readFileSync('/proc/net/tcp', 'utf8')
		.split('\n')
		.filter((line) => line.trim().split(/\s+/)[3] === '06').length;
}

/** Counts the TCP connections and http.Agent objects the node uses for `items` calls. */
async function connectionsPerCall(sandbox: SandboxProcess, items: number) {
	const prototype = http.Agent.prototype as unknown as { createConnection: (...args: unknown[]) => unknown };
	const original = prototype.createConnection;
	const agents = new Set<unknown>();
	let connections = 0;
	prototype.createConnection = function (this: unknown, ...args: unknown[]) {
		connections++;
		agents.add(this);
		return original.apply(this, args);
	};
	try {
		await runNode(sandbox, items);
	} finally {
		prototype.createConnection = original;
	}
	return { connections: connections / items, agents: agents.size / items };
}

export async function prepareFormCase(result: CaseResult, config: BenchConfig, sandbox: SandboxProcess) {
	const items = config.items;
	const url = `${sandbox.baseUrl}prepare_form`;
	await sandbox.clearRequests();
	await runNode(sandbox, Math.min(100, items)); // warm-up (JIT, lazy modules)
	const call = await recordedCall(sandbox);
	await formLoop(url, call.headers, call.body, Math.min(100, items), true);
	await formLoop(url, call.headers, call.body, Math.min(100, items), false);

	const timeWaitBefore = timeWaitSockets();
	const node: NodeRun[] = [];
	const whatIf: NodeRun[] = [];
	const keepAlive: number[] = [];
	const newConnection: number[] = [];
	for (let round = 0; round < config.rounds; round++) {
		await sandbox.clearRequests();
		const steps = [
			async () => node.push(await runNode(sandbox, items)),
			async () => keepAlive.push((await timed(() => formLoop(url, call.headers, call.body, items, true))).ms),
			async () => whatIf.push(await runNodeWithSharedKeepAlive(sandbox, items)),
			async () =>
				newConnection.push((await timed(() => formLoop(url, call.headers, call.body, items, false))).ms),
		];
		// Rotate the order so no variant always runs first or last.
		for (let i = 0; i < steps.length; i++) await steps[(i + round) % steps.length]();
		console.log(
			`[bench]   round ${round + 1}: node ${node[round].nodeMs.toFixed(0)} ms (workflow ${node[round].wallMs.toFixed(0)} ms), ` +
				`raw keep-alive ${keepAlive[round].toFixed(0)} ms, raw new connection ${newConnection[round].toFixed(0)} ms, ` +
				`node with a shared keep-alive agent ${whatIf[round].nodeMs.toFixed(0)} ms`,
		);
	}
	const wire = await connectionsPerCall(sandbox, Math.min(100, items));
	await sandbox.clearRequests();

	const perSecond = (ms: number) => (items / ms) * 1000;
	const nodeRate = perSecond(median(node.map((run) => run.nodeMs)));
	const workflowRate = perSecond(median(node.map((run) => run.wallMs)));
	const keepAliveRate = perSecond(median(keepAlive));
	const newConnectionRate = perSecond(median(newConnection));
	const whatIfRate = perSecond(median(whatIf.map((run) => run.nodeMs)));
	Object.assign(result.figures, {
		items,
		rounds: config.rounds,
		node_items_per_s: round(nodeRate),
		workflow_items_per_s: round(workflowRate),
		raw_keepalive_items_per_s: round(keepAliveRate),
		raw_new_connection_items_per_s: round(newConnectionRate),
		ratio_node_vs_raw_keepalive: round(nodeRate / keepAliveRate),
		ratio_node_vs_raw_new_connection: round(nodeRate / newConnectionRate),
		whatif_node_shared_keepalive_items_per_s: round(whatIfRate),
		ratio_whatif_node_shared_keepalive_vs_raw_keepalive: round(whatIfRate / keepAliveRate),
		node_ms_per_item: round(1000 / nodeRate),
		raw_keepalive_ms_per_item: round(1000 / keepAliveRate),
		raw_new_connection_ms_per_item: round(1000 / newConnectionRate),
		node_tcp_connections_per_call: round(wire.connections),
		node_http_agents_per_call: round(wire.agents),
		time_wait_sockets_before: timeWaitBefore,
		time_wait_sockets_after: timeWaitSockets(),
	});
	result.checks.push(
		check('node vs raw keep-alive loop (items/s ratio)', round(nodeRate / keepAliveRate), '>=', 0.9),
	);
	result.notes.push(
		`Median of ${config.rounds} rounds after a warm-up; each round runs the four variants in rotated order.`,
		'Node rate = items / the node’s executionTime in the run data (workflow rate = whole WorkflowExecute run).',
		'Raw loops replay the exact headers (Authorization, Content-Type, Accept, User-Agent) and body the node sent, read back from the sandbox.',
		'What-if (diagnostic, not a target): the node with every request routed to one shared keep-alive http.Agent (n8n builds a new agent, hence a new TCP connection, per request).',
		'Sandbox in its own process; client in the bench process (Node ' + process.version + ').',
	);
}
