"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.memoryCase = memoryCase;
/**
 * Case 3: Add File of large binaries from n8n's filesystem binary store and Download PDF,
 * each in a fresh child process: peak RSS growth over the pre-operation RSS, and upload
 * throughput next to a raw streaming upload of the same file (node:http + fs stream).
 */
const node_path_1 = require("node:path");
const child_1 = require("../child");
const config_1 = require("../config");
const files_1 = require("../files");
const measure_1 = require("../measure");
const results_1 = require("../results");
const CHILD = (0, node_path_1.join)(__dirname, 'memory-child.js');
const WARM_BYTES = 64 * 1024;
const MEMORY_LIMIT_MB = 64;
/** "Flat": growth rises by at most this many MB per MB of file (least-squares slope). */
const FLAT_SLOPE = 0.02;
async function measure(job) {
    const answer = await (0, child_1.runChild)(CHILD, [JSON.stringify(job)], {
        timeoutMs: 10 * 60_000,
        nodeArgs: ['--expose-gc'],
    });
    const growth = answer.peakRss.map((peak, i) => (peak - answer.preRss[i]) / config_1.MB);
    const summary = {
        sizeMb: answer.bytes / config_1.MB,
        growthMb: Math.max(...growth),
        mbPerS: answer.bytes / config_1.MB / ((0, measure_1.median)(answer.ms) / 1000),
    };
    console.log(`[bench]   ${job.kind} ${summary.sizeMb.toFixed(0)} MB: peak RSS +${summary.growthMb.toFixed(1)} MB ` +
        `(pre ${(answer.preRss[0] / config_1.MB).toFixed(0)} MB), ${summary.mbPerS.toFixed(0)} MB/s`);
    return summary;
}
function slope(points) {
    if (points.length < 2)
        return 0;
    const mx = points.reduce((sum, p) => sum + p.sizeMb, 0) / points.length;
    const my = points.reduce((sum, p) => sum + p.growthMb, 0) / points.length;
    const sxy = points.reduce((sum, p) => sum + (p.sizeMb - mx) * (p.growthMb - my), 0);
    const sxx = points.reduce((sum, p) => sum + (p.sizeMb - mx) ** 2, 0);
    return sxy / sxx;
}
async function memoryCase(result, config, sandbox) {
    const folder = (0, files_1.tempFolder)('dr-bench-files-');
    const base = {
        baseUrl: sandbox.baseUrl,
        apiKey: sandbox.apiKey,
        outDir: folder.path,
        repeats: config.memoryRepeats,
    };
    const series = {
        'node-upload': [],
        'raw-upload': [],
        'node-download': [],
        'raw-download': [],
    };
    try {
        const warmFile = folder.randomFile('warm-up.tiff', WARM_BYTES);
        for (const [index, sizeMb] of config.uploadSizesMb.entries()) {
            const file = folder.randomFile(`radiograph-${sizeMb}MB.tiff`, sizeMb * config_1.MB);
            const jobs = index % 2 ? ['raw-upload', 'node-upload'] : ['node-upload', 'raw-upload'];
            for (const kind of jobs) {
                series[kind].push(await measure({ ...base, kind, file, warmFile, mimeType: 'image/tiff' }));
            }
            folder.removeFile(file);
        }
        const warmUrl = await sandbox.addDocument(WARM_BYTES);
        for (const [index, sizeMb] of config.downloadSizesMb.entries()) {
            const url = await sandbox.addDocument(sizeMb * config_1.MB);
            const jobs = index % 2 ? ['raw-download', 'node-download'] : ['node-download', 'raw-download'];
            for (const kind of jobs)
                series[kind].push(await measure({ ...base, kind, url, warmUrl }));
        }
    }
    finally {
        folder.remove();
    }
    for (const [i, node] of series['node-upload'].entries()) {
        const raw = series['raw-upload'][i];
        const size = config.uploadSizesMb[i];
        Object.assign(result.figures, {
            [`add_file_${size}mb_rss_growth_mb`]: (0, results_1.round)(node.growthMb),
            [`raw_upload_${size}mb_rss_growth_mb`]: (0, results_1.round)(raw.growthMb),
            [`add_file_${size}mb_mb_per_s`]: (0, results_1.round)(node.mbPerS),
            [`raw_upload_${size}mb_mb_per_s`]: (0, results_1.round)(raw.mbPerS),
            [`ratio_add_file_vs_raw_upload_${size}mb`]: (0, results_1.round)(node.mbPerS / raw.mbPerS),
        });
        result.checks.push((0, results_1.check)(`Add File ${size} MB: peak RSS growth (MB)`, (0, results_1.round)(node.growthMb), '<=', MEMORY_LIMIT_MB));
        result.checks.push((0, results_1.check)(`Add File ${size} MB: throughput vs raw streaming upload`, (0, results_1.round)(node.mbPerS / raw.mbPerS), '>=', 0.8));
    }
    for (const [i, node] of series['node-download'].entries()) {
        const raw = series['raw-download'][i];
        const size = config.downloadSizesMb[i];
        Object.assign(result.figures, {
            [`download_pdf_${size}mb_rss_growth_mb`]: (0, results_1.round)(node.growthMb),
            [`raw_download_${size}mb_rss_growth_mb`]: (0, results_1.round)(raw.growthMb),
            [`download_pdf_${size}mb_mb_per_s`]: (0, results_1.round)(node.mbPerS),
            [`raw_download_${size}mb_mb_per_s`]: (0, results_1.round)(raw.mbPerS),
        });
        result.checks.push((0, results_1.check)(`Download PDF ${size} MB: peak RSS growth (MB)`, (0, results_1.round)(node.growthMb), '<=', MEMORY_LIMIT_MB));
    }
    const uploadSlope = slope(series['node-upload']);
    result.figures.add_file_growth_slope_mb_per_mb = (0, results_1.round)(uploadSlope);
    result.checks.push((0, results_1.check)('Add File: RSS growth flat in file size (slope, MB per MB)', (0, results_1.round)(uploadSlope), '<=', FLAT_SLOPE));
    if (series['node-download'].length > 1) {
        const downloadSlope = slope(series['node-download']);
        result.figures.download_pdf_growth_slope_mb_per_mb = (0, results_1.round)(downloadSlope);
        result.checks.push((0, results_1.check)('Download PDF: RSS growth flat in file size (slope, MB per MB)', (0, results_1.round)(downloadSlope), '<=', FLAT_SLOPE));
    }
    result.series = Object.keys(series).map((name) => ({
        name,
        points: series[name].map((point) => ({ x: (0, results_1.round)(point.sizeMb), y: (0, results_1.round)(point.growthMb) })),
    }));
    result.notes.push(`One fresh child process (Node ${process.version}, --expose-gc) per operation and size; a 64 KiB warm-up first, then ${config.memoryRepeats} measured run(s).`, 'Growth = peak RSS (VmHWM, reset by writing 5 to /proc/self/clear_refs) minus RSS just before the operation; the worst run is reported.', 'Add File reads the binary from n8n’s filesystem binary store (stored before the measurement); the raw upload pipes fs.createReadStream into a multipart body on node:http.', 'Throughput = file size / median duration (node: its executionTime). Files are random bytes in a temp folder, removed afterwards.', `Flat = least-squares slope of growth against file size ≤ ${FLAT_SLOPE} MB per MB.`);
}
//# sourceMappingURL=memory.js.map