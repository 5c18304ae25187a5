"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.prepareFormCase = prepareFormCase;
/**
 * Case 1: Prepare Form over N items through n8n's engine (n8n-core WorkflowExecute, one run)
 * against the sandbox in its own process.
 *
 * - Loopback (a CPU diagnostic: the sandbox answers at once): our node next to the floor
 *   node (bench/floor-node.ts: the same httpRequestWithAuthentication call and nothing else)
 *   at 1 and at 10 requests in flight, plus raw node:http loops and a what-if with one shared
 *   keep-alive agent (diagnostics, no target). TCP connections are counted by the sandbox.
 * - 20 ms latency per request (the sandbox's 'slow' fault): our node at 1, 5, 10 and 20
 *   requests in flight, the data behind Parallel Requests' default.
 */
const node_http_1 = __importDefault(require("node:http"));
const run_workflow_1 = require("../../test/harness/run-workflow");
const config_1 = require("../config");
const floor_node_1 = require("../floor-node");
const measure_1 = require("../measure");
const raw_http_1 = require("../raw-http");
const results_1 = require("../results");
const workflows_1 = require("../workflows");
const SWEEP = [1, 5, 10, 20];
(0, run_workflow_1.registerNodeType)(floor_node_1.FLOOR_NODE_TYPE, new floor_node_1.FloorNode());
async function runNode(sandbox, items, variant) {
    const connectionsBefore = await sandbox.connections();
    const node = variant.kind === 'ours'
        ? {
            name: workflows_1.NODE_NAME,
            type: workflows_1.NODE_TYPE,
            parameters: {
                ...(0, workflows_1.prepareFormParameters)(sandbox.formType),
                options: { parallelRequests: variant.parallel },
            },
        }
        : {
            name: workflows_1.NODE_NAME,
            type: floor_node_1.FLOOR_NODE_TYPE,
            parameters: { body: variant.body, parallel: variant.parallel },
        };
    const { value: run, ms } = await (0, measure_1.timed)(() => (0, run_workflow_1.runWorkflow)({
        items: Array.from({ length: items }, () => ({})),
        nodes: [node],
        credentials: (0, workflows_1.sandboxCredential)(sandbox.baseUrl, sandbox.apiKey),
    }));
    if (run.error)
        throw new Error(`the workflow failed: ${run.error.message}`);
    const output = run.output(workflows_1.NODE_NAME);
    if (output.length !== items || output.some((item) => !item.json.prepared_form_url)) {
        throw new Error(`${variant.kind}: expected ${items} prepared forms, got ${output.length}`);
    }
    const nodeRun = run.run.data.resultData.runData[workflows_1.NODE_NAME]?.[0];
    return {
        nodeMs: nodeRun?.executionTime ?? Number.NaN,
        wallMs: ms,
        connections: (await sandbox.connections()) - connectionsBefore,
    };
}
/** The exact call the node made (headers and body), read back from the sandbox's record. */
async function recordedCall(sandbox) {
    const calls = (await sandbox.requests()).filter((request) => request.path.endsWith('/prepare_form'));
    const last = calls[calls.length - 1];
    if (!last?.bodyText)
        throw new Error('the sandbox recorded no prepare_form body');
    if (calls.some((call) => call.status !== 200))
        throw new Error('a prepare_form call was not answered 200');
    const headers = {};
    for (const name of ['authorization', 'content-type', 'accept', 'user-agent']) {
        if (last.headers[name])
            headers[name] = last.headers[name];
    }
    return { headers, body: Buffer.from(last.bodyText), connectionHeader: last.headers.connection ?? '' };
}
/**
 * What-if: the same node run, but every request n8n hands to node:http is given one shared
 * keep-alive agent instead of the fresh non-keep-alive agent n8n built for it — swapped
 * before the request is constructed, so it is sent with `Connection: keep-alive` and the
 * connection is reused (the sandbox counts the connections). Diagnostic only.
 */
async function runWithSharedKeepAlive(work) {
    const shared = new node_http_1.default.Agent({ keepAlive: true, maxSockets: 10 });
    const module = node_http_1.default;
    const original = module.request;
    module.request = function (...args) {
        const index = typeof args[0] === 'object' && !(args[0] instanceof URL) ? 0 : 1;
        if (args[index] && typeof args[index] === 'object')
            args[index] = { ...args[index], agent: shared };
        return original.apply(node_http_1.default, args);
    };
    try {
        return await work();
    }
    finally {
        module.request = original;
        shared.destroy();
    }
}
/** Median over rounds of the ratio within each round (a pair run back to back). */
function pairedRatio(numerator, denominator) {
    return (0, measure_1.median)(numerator.map((run, index) => run.nodeMs / denominator[index].nodeMs));
}
async function prepareFormCase(result, config, sandbox) {
    const items = config.items;
    const url = `${sandbox.baseUrl}prepare_form`;
    const warm = Math.min(100, items);
    await sandbox.setLatency(0);
    await sandbox.clearRequests();
    await runNode(sandbox, warm, { kind: 'ours', parallel: 1 }); // warm-up (JIT, lazy modules)
    const call = await recordedCall(sandbox);
    const body = call.body.toString('utf8');
    const floor1 = { kind: 'floor', parallel: 1, body };
    const floor10 = { kind: 'floor', parallel: 10, body };
    // V8 keeps optimising for several full runs: warm every node variant up at full size, twice.
    for (let i = 0; i < 2; i++) {
        await runNode(sandbox, items, { kind: 'ours', parallel: 1 });
        await runNode(sandbox, items, floor1);
        await runNode(sandbox, items, { kind: 'ours', parallel: 10 });
        await runNode(sandbox, items, floor10);
        await sandbox.clearRequests();
    }
    await (0, raw_http_1.formLoop)(url, call.headers, call.body, warm, true);
    await (0, raw_http_1.formLoop)(url, call.headers, call.body, warm, false);
    const whatIfProbe = await runWithSharedKeepAlive(() => runNode(sandbox, warm, { kind: 'ours', parallel: 1 }));
    await sandbox.clearRequests();
    await runWithSharedKeepAlive(() => runNode(sandbox, 1, { kind: 'ours', parallel: 1 }));
    const whatIfCall = await recordedCall(sandbox);
    // Loopback: every variant once per round, the order rotated round by round.
    const runs = { ours1: [], floor1: [], ours10: [], floor10: [], whatIf: [] };
    const keepAlive = [];
    const newConnection = [];
    for (let r = 0; r < config.rounds; r++) {
        await sandbox.clearRequests();
        // Our node and the floor node run back to back (order alternating), so each pair sees
        // the same machine load; the pairs and the diagnostics rotate round by round.
        const pair = (parallel, floor) => async () => {
            const variants = [
                [`ours${parallel}`, { kind: 'ours', parallel }],
                [`floor${parallel}`, floor],
            ];
            if (r % 2)
                variants.reverse();
            for (const [key, variant] of variants)
                runs[key].push(await runNode(sandbox, items, variant));
        };
        const steps = [
            pair(1, floor1),
            pair(10, floor10),
            async () => keepAlive.push((await (0, measure_1.timed)(() => (0, raw_http_1.formLoop)(url, call.headers, call.body, items, true))).ms),
            async () => newConnection.push((await (0, measure_1.timed)(() => (0, raw_http_1.formLoop)(url, call.headers, call.body, items, false))).ms),
            async () => runs.whatIf.push(await runWithSharedKeepAlive(() => runNode(sandbox, items, { kind: 'ours', parallel: 1 }))),
        ];
        for (let i = 0; i < steps.length; i++)
            await steps[(i + r) % steps.length]();
        console.log(`[bench]   loopback round ${r + 1}: ours@1 ${runs.ours1[r].nodeMs} ms, floor@1 ${runs.floor1[r].nodeMs} ms, ` +
            `ours@10 ${runs.ours10[r].nodeMs} ms, floor@10 ${runs.floor10[r].nodeMs} ms, ` +
            `raw keep-alive ${keepAlive[r].toFixed(0)} ms, raw new connection ${newConnection[r].toFixed(0)} ms, ` +
            `what-if ${runs.whatIf[r].nodeMs} ms`);
    }
    // 20 ms per request: our node at each concurrency of the sweep, alternating order.
    const latencyItems = config.latencyItems;
    await sandbox.setLatency(config_1.LATENCY_MS);
    const sweep = Object.fromEntries(SWEEP.map((p) => [p, []]));
    try {
        for (let r = 0; r < config.latencyRounds; r++) {
            await sandbox.clearRequests();
            const order = r % 2 ? [...SWEEP].reverse() : SWEEP;
            for (const parallel of order) {
                sweep[parallel].push((await runNode(sandbox, latencyItems, { kind: 'ours', parallel })).nodeMs);
            }
            console.log(`[bench]   ${config_1.LATENCY_MS} ms latency round ${r + 1}: ` +
                SWEEP.map((p) => `ours@${p} ${sweep[p][r]} ms`).join(', '));
        }
    }
    finally {
        await sandbox.setLatency(0);
        await sandbox.clearRequests();
    }
    const perItem = (ms, n = items) => ms / n;
    const med = (list) => (0, measure_1.median)(list.map((run) => run.nodeMs));
    const ours1 = med(runs.ours1);
    const floorAt1 = med(runs.floor1);
    const ours10 = med(runs.ours10);
    const floorAt10 = med(runs.floor10);
    const whatIf = med(runs.whatIf);
    const rawKeepAlive = (0, measure_1.median)(keepAlive);
    const rawNew = (0, measure_1.median)(newConnection);
    const figures = {
        items,
        rounds: config.rounds,
        ratio_ours_vs_floor_1_in_flight: (0, results_1.round)(pairedRatio(runs.floor1, runs.ours1)),
        ratio_ours_vs_floor_10_in_flight: (0, results_1.round)(pairedRatio(runs.floor10, runs.ours10)),
        ratio_of_medians_ours_vs_floor_1_in_flight: (0, results_1.round)(floorAt1 / ours1),
        ratio_of_medians_ours_vs_floor_10_in_flight: (0, results_1.round)(floorAt10 / ours10),
        ours_1_ms_per_item: (0, results_1.round)(perItem(ours1)),
        floor_1_ms_per_item: (0, results_1.round)(perItem(floorAt1)),
        ours_10_ms_per_item: (0, results_1.round)(perItem(ours10)),
        floor_10_ms_per_item: (0, results_1.round)(perItem(floorAt10)),
        raw_keepalive_ms_per_item: (0, results_1.round)(perItem(rawKeepAlive)),
        raw_new_connection_ms_per_item: (0, results_1.round)(perItem(rawNew)),
        ratio_ours_1_vs_raw_keepalive: (0, results_1.round)(rawKeepAlive / ours1),
        ratio_floor_1_vs_raw_keepalive: (0, results_1.round)(rawKeepAlive / floorAt1),
        whatif_shared_keepalive_ms_per_item: (0, results_1.round)(perItem(whatIf)),
        ratio_whatif_shared_keepalive_vs_ours_1: (0, results_1.round)(ours1 / whatIf),
        ours_tcp_connections_per_call: (0, results_1.round)((0, measure_1.median)(runs.ours1.map((run) => run.connections)) / items),
        whatif_tcp_connections_per_call: (0, results_1.round)((0, measure_1.median)(runs.whatIf.map((run) => run.connections)) / items, 2),
        whatif_probe_tcp_connections: whatIfProbe.connections,
        latency_ms: config_1.LATENCY_MS,
        latency_items: latencyItems,
        latency_rounds: config.latencyRounds,
    };
    for (const parallel of SWEEP) {
        figures[`latency_ours_${parallel}_ms_per_item`] = (0, results_1.round)((0, measure_1.median)(sweep[parallel]) / latencyItems);
    }
    figures.latency_speedup_10_vs_1 = (0, results_1.round)((0, measure_1.median)(sweep[1]) / (0, measure_1.median)(sweep[10]));
    figures.latency_speedup_20_vs_10 = (0, results_1.round)((0, measure_1.median)(sweep[10]) / (0, measure_1.median)(sweep[20]));
    Object.assign(result.figures, figures);
    result.checks.push((0, results_1.check)('loopback: our node vs the floor node, 1 in flight (items/s ratio)', figures.ratio_ours_vs_floor_1_in_flight, '>=', 0.95), (0, results_1.check)('loopback: our node vs the floor node, 10 in flight (items/s ratio)', figures.ratio_ours_vs_floor_10_in_flight, '>=', 0.95));
    result.notes.push(`Loopback: median of ${config.rounds} rounds after two full-size warm-up runs of each node variant; each round runs our node and the floor node back to back (order alternating) at 1 and at 10 in flight, and the diagnostics, in rotated order. Floor ratios = median over rounds of the ratio within a round. ${config_1.LATENCY_MS} ms latency: median of ${config.latencyRounds} rounds of ${latencyItems} items, order alternating.`, 'Rate = items / the node’s executionTime in the run data. Ratios are the other variant’s time / ours (above 1: ours is faster).', 'Floor node (bench/floor-node.ts): per item exactly the httpRequestWithAuthentication call our node makes (same credential type and options, credential read once per run), without parameter reads, checks or error mapping — the lowest cost n8n allows a community node.', 'Raw loops (diagnostic, no target): plain node:http POSTs replaying the exact headers and body the node sent, on one keep-alive connection or a new connection per call.', `What-if (diagnostic): our node with every node:http request given one shared keep-alive agent before it is built (sent with “Connection: ${whatIfCall.connectionHeader}”; the node alone sends “Connection: ${call.connectionHeader}”). TCP connections are counted by the sandbox (server side).`, `Latency: the sandbox’s 'slow' fault delays every API answer by ${config_1.LATENCY_MS} ms (no limit on concurrent requests).`, 'Sandbox in its own process; client in the bench process (Node ' + process.version + ').');
}
//# sourceMappingURL=prepare-form.js.map