"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * One memory measurement in a fresh process: `node --expose-gc memory-child.js '<job json>'`.
 * Warm-up with a small file, then per repeat: collect garbage, note RSS, reset the peak
 * (clear_refs), run the operation, read the peak (VmHWM). Prints one JSON line.
 */
require("../env");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const run_workflow_1 = require("../../test/harness/run-workflow");
const measure_1 = require("../measure");
const raw_http_1 = require("../raw-http");
const workflows_1 = require("../workflows");
const replay_start_1 = require("./replay-start");
const child_1 = require("../child");
const job = JSON.parse(process.argv[2]);
const auth = { Authorization: `Token token=${job.apiKey}` };
const credentials = (0, workflows_1.sandboxCredential)(job.baseUrl, job.apiKey);
async function prepareFileupload() {
    const answer = await (0, raw_http_1.rawRequest)(`${job.baseUrl}prepare_fileupload`, {
        method: 'POST',
        headers: { ...auth, Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: Buffer.alloc(0),
    });
    return Number((0, raw_http_1.expectJson)(answer, 'prepare_fileupload').fileupload_id);
}
/** Stores a file in n8n's filesystem binary store, the way an upstream node would. */
async function ingest(path) {
    const run = await (0, run_workflow_1.runWorkflow)({
        files: [[{ property: 'data', path, fileName: (0, node_path_1.basename)(path), mimeType: job.mimeType ?? 'image/tiff' }]],
        nodes: [],
        credentials,
    });
    const binary = run.output('Start')[0]?.binary?.data;
    if (run.error || !binary?.id)
        throw new Error(`could not store ${path}: ${run.error?.message ?? 'no binary id'}`);
    return binary;
}
/** Start (replaying `items`) → Dental Referrals with `parameters`; returns the node's executionTime. */
async function runNode(items, parameters) {
    const run = await (0, run_workflow_1.runWorkflow)({
        items,
        nodes: [{ name: workflows_1.NODE_NAME, type: workflows_1.NODE_TYPE, parameters: parameters }],
        credentials,
    });
    if (run.error)
        throw new Error(`the workflow failed: ${run.error.message}`);
    const output = run.output(workflows_1.NODE_NAME);
    return { output, ms: run.run.data.resultData.runData[workflows_1.NODE_NAME]?.[0]?.executionTime ?? Number.NaN };
}
async function operations() {
    switch (job.kind) {
        case 'node-upload': {
            const fileuploadId = await prepareFileupload();
            const [warm, big] = [await ingest(job.warmFile), await ingest(job.file)];
            (0, run_workflow_1.registerNodeType)('harness.start', new replay_start_1.ReplayStart());
            const upload = (binary) => async () => {
                const { output, ms } = await runNode([{ json: {}, binary: { data: binary } }], {
                    resource: 'fileUpload',
                    operation: 'addFile',
                    fileuploadId,
                    binaryPropertyName: 'data',
                    uploadKind: 'radiograph',
                    uploadDate: '01/02/2020',
                });
                const files = output[0]?.json.files;
                if (!files?.length)
                    throw new Error('Add File returned no files');
                return ms;
            };
            return { warm: upload(warm), measured: upload(big) };
        }
        case 'raw-upload': {
            const fileuploadId = await prepareFileupload();
            const url = `${job.baseUrl}fileupload/${fileuploadId}/add_file`;
            const headers = {
                ...auth,
                Accept: 'application/json',
                'Upload-Content-Type': job.mimeType ?? 'image/tiff',
                'Upload-Kind': 'radiograph',
                'Upload-Date': '01/02/2020',
            };
            const upload = (path) => async () => {
                const started = (0, measure_1.nowMs)();
                await (0, raw_http_1.streamingUpload)(url, { ...headers, 'Upload-Filename': (0, node_path_1.basename)(path) }, path, job.mimeType ?? 'image/tiff');
                return (0, measure_1.nowMs)() - started;
            };
            return { warm: upload(job.warmFile), measured: upload(job.file) };
        }
        case 'node-download': {
            (0, run_workflow_1.registerNodeType)('harness.start', new replay_start_1.ReplayStart());
            const download = (url) => async () => {
                const { output, ms } = await runNode([{ json: {} }], {
                    resource: 'document',
                    operation: 'download',
                    documentUrl: url,
                    binaryPropertyName: 'data',
                });
                if (!output[0]?.binary?.data)
                    throw new Error('Download PDF returned no binary');
                return ms;
            };
            return { warm: download(job.warmUrl), measured: download(job.url) };
        }
        case 'raw-download': {
            const download = (url) => async () => {
                const target = (0, node_path_1.join)(job.outDir, `raw-${process.pid}.pdf`);
                const started = (0, measure_1.nowMs)();
                await (0, raw_http_1.streamingDownload)(url, { ...auth, Accept: 'application/pdf' }, target);
                const ms = (0, measure_1.nowMs)() - started;
                (0, node_fs_1.rmSync)(target, { force: true });
                return ms;
            };
            return { warm: download(job.warmUrl), measured: download(job.url) };
        }
    }
}
function fileBytes() {
    if (job.file)
        return (0, node_fs_1.statSync)(job.file).size;
    // Downloads: the sandbox's synthetic documents are named SYNTHETIC_<bytes>.pdf.
    return Number(/SYNTHETIC_(\d+)\.pdf/.exec(job.url ?? '')?.[1] ?? Number.NaN);
}
async function main() {
    const { warm, measured } = await operations();
    await warm();
    const answer = { bytes: fileBytes(), preRss: [], peakRss: [], ms: [] };
    for (let i = 0; i < job.repeats; i++) {
        (0, measure_1.collectGarbage)();
        await new Promise((resolve) => setTimeout(resolve, 100));
        answer.preRss.push((0, measure_1.rssBytes)());
        (0, measure_1.resetPeakRss)();
        answer.ms.push(await measured());
        answer.peakRss.push((0, measure_1.peakRssBytes)());
    }
    return answer;
}
(0, child_1.childMain)(main);
//# sourceMappingURL=memory-child.js.map