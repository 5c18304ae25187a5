"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WATCHED = void 0;
exports.originOf = originOf;
exports.summarise = summarise;
/**
 * A CPU profile of the node's run in a fresh process: `node profile-child.js '<job json>'`.
 * Warm-up runs first (JIT, lazy modules), then V8's sampling profiler (node:inspector)
 * records one Prepare Form run of `items` items against the sandbox on loopback, one request
 * at a time. Prints one JSON line: self time per function (top entries) and per origin.
 */
require("../env");
const node_inspector_1 = require("node:inspector");
const run_workflow_1 = require("../../test/harness/run-workflow");
const child_1 = require("../child");
const workflows_1 = require("../workflows");
/** Who owns the code a sample landed in. */
function originOf(url, fn) {
    if (!url)
        return fn.startsWith('(') ? fn : '(native)';
    if (/\/dist(-test)?\/(nodes|credentials)\//.test(url) && !url.includes('node_modules'))
        return 'this package';
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url.slice(url.lastIndexOf('node_modules/')));
    if (match)
        return match[1];
    if (url.startsWith('node:'))
        return 'node internals';
    if (url.includes('/dist-test/'))
        return 'bench harness';
    return 'other';
}
function shortWhere(url, line) {
    if (!url)
        return '';
    const tail = url.includes('node_modules/')
        ? url.slice(url.lastIndexOf('node_modules/') + 'node_modules/'.length)
        : url.replace(/^.*\/dist(-test)?\//, '');
    return `${tail}:${line + 1}`;
}
/** n8n functions our node used to make run per item or per request (issue #13), followed by name. */
exports.WATCHED = [
    'initializeGlobalContext',
    'getSimpleParameterValue',
    'resolveSimpleParameterValue',
    'deepCopy',
    'getNodeParameter',
    'getNode',
    'partsOffset',
];
function summarise(profile, items, topCount = 15) {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const self = new Map();
    let idleUs = 0;
    let busyUs = 0;
    profile.samples.forEach((id, index) => {
        const delta = profile.timeDeltas[index] ?? 0;
        const frame = byId.get(id)?.callFrame;
        if (!frame)
            return;
        if (frame.functionName === '(idle)') {
            idleUs += delta;
            return;
        }
        busyUs += delta;
        const fn = frame.functionName || '(anonymous)';
        const where = shortWhere(frame.url, frame.lineNumber);
        const key = `${fn}@${where}`;
        const entry = self.get(key) ?? { fn, where, origin: originOf(frame.url, fn), us: 0 };
        entry.us += delta;
        self.set(key, entry);
    });
    const percent = (us) => Math.round((1000 * us) / busyUs) / 10;
    const summary = (e) => ({
        fn: e.fn,
        where: e.where,
        origin: e.origin,
        selfMs: Math.round(e.us / 100) / 10,
        percent: percent(e.us),
    });
    const top = [...self.values()]
        .sort((a, b) => b.us - a.us)
        .slice(0, topCount)
        .map(summary);
    const origins = new Map();
    for (const e of self.values())
        origins.set(e.origin, (origins.get(e.origin) ?? 0) + e.us);
    return {
        busyMs: Math.round(busyUs / 1000),
        idleMs: Math.round(idleUs / 1000),
        top,
        /** Self time of the WATCHED functions (all their call sites), µs per item. */
        watched: Object.fromEntries(exports.WATCHED.map((name) => [
            name,
            Math.round([...self.values()].filter((e) => e.fn === name).reduce((sum, e) => sum + e.us, 0) / items),
        ])),
        /** The package's own functions, by self time. */
        ours: [...self.values()]
            .filter((e) => e.origin === 'this package')
            .sort((a, b) => b.us - a.us)
            .slice(0, 8)
            .map(summary),
        origins: [...origins.entries()]
            .sort((a, b) => b[1] - a[1])
            .map(([origin, us]) => ({
            origin,
            selfMs: Math.round(us / 100) / 10,
            percent: percent(us),
            usPerItem: Math.round(us / items),
        })),
    };
}
function post(session, method, params) {
    return new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
}
const job = JSON.parse(process.argv[2] ?? '{}');
async function runNode(items) {
    const run = await (0, run_workflow_1.runWorkflow)({
        items: Array.from({ length: items }, () => ({})),
        nodes: [{ name: workflows_1.NODE_NAME, type: workflows_1.NODE_TYPE, parameters: (0, workflows_1.prepareFormParameters)(job.formType) }],
        credentials: (0, workflows_1.sandboxCredential)(job.baseUrl, job.apiKey),
    });
    if (run.error)
        throw new Error(`the workflow failed: ${run.error.message}`);
    if (run.output(workflows_1.NODE_NAME).length !== items)
        throw new Error('wrong number of output items');
    return run.run.data.resultData.runData[workflows_1.NODE_NAME]?.[0]?.executionTime ?? Number.NaN;
}
if (require.main === module) {
    (0, child_1.childMain)(async () => {
        for (let i = 0; i < job.warmups; i++)
            await runNode(job.items);
        const session = new node_inspector_1.Session();
        session.connect();
        await post(session, 'Profiler.enable');
        await post(session, 'Profiler.setSamplingInterval', { interval: 100 });
        await post(session, 'Profiler.start');
        const cpu = process.cpuUsage();
        const nodeMs = await runNode(job.items);
        const used = process.cpuUsage(cpu);
        const cpuUsPerItem = Math.round((used.user + used.system) / job.items);
        const { profile } = await post(session, 'Profiler.stop');
        session.disconnect();
        return { items: job.items, nodeMs, cpuUsPerItem, ...summarise(profile, job.items) };
    });
}
//# sourceMappingURL=profile-child.js.map