/**
 * One memory measurement in a fresh process: `node --expose-gc memory-child.js '<job json>'`.
 * Warm-up with a small file, then per repeat: collect garbage, note RSS, reset the peak
 * (clear_refs), run the operation, read the peak (VmHWM). Prints one JSON line.
 */
import '../../tools/bench/env';

import { rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

import type { IBinaryData } from 'n8n-workflow';

import { registerNodeType, runWorkflow } from '../../tools/engine/run-workflow';
import { START_NODE_TYPE } from '../../tools/engine/start-node';
import { collectGarbage, nowMs, peakRssBytes, resetPeakRss, rssBytes } from '../../tools/bench/measure';
import { expectJson, rawRequest, streamingDownload, streamingUpload } from '../../tools/bench/raw-http';
import { NODE_NAME, NODE_TYPE, sandboxCredential } from '../../tools/bench/workflows';
import type { MemoryAnswer, MemoryJob } from './memory-job';
import { ReplayStart } from './replay-start';
import { childMain } from '../../tools/bench/child';

const job = JSON.parse(process.argv[2]) as MemoryJob;
const auth = { Authorization: `Token token=${job.apiKey}` };
const credentials = sandboxCredential(job.baseUrl, job.apiKey);

async function prepareFileupload(): Promise<number> {
	const answer = await rawRequest(`${job.baseUrl}prepare_fileupload`, {
		method: 'POST',
		headers: { ...auth, Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
		body: Buffer.alloc(0),
	});
	return Number(expectJson(answer, 'prepare_fileupload').fileupload_id);
}

/** Stores a file in n8n's filesystem binary store, the way an upstream node would. */
async function ingest(path: string): Promise<IBinaryData> {
	const run = await runWorkflow({
		files: [[{ property: 'data', path, fileName: basename(path), mimeType: job.mimeType ?? 'image/tiff' }]],
		nodes: [],
		credentials,
	});
	const binary = run.output('Start')[0]?.binary?.data;
	if (run.error || !binary?.id)
		throw new Error(`could not store ${path}: ${run.error?.message ?? 'no binary id'}`);
	return binary;
}

/** Start (replaying `items`) → Dental Referrals with `parameters`; returns the node's executionTime. */
async function runNode(items: object[], parameters: Record<string, unknown>) {
	const run = await runWorkflow({
		items,
		nodes: [{ name: NODE_NAME, type: NODE_TYPE, parameters: parameters as never }],
		credentials,
	});
	if (run.error) throw new Error(`the workflow failed: ${run.error.message}`);
	const output = run.output(NODE_NAME);
	return { output, ms: run.run.data.resultData.runData[NODE_NAME]?.[0]?.executionTime ?? Number.NaN };
}

type Operation = () => Promise<number>;

async function operations(): Promise<{ warm: Operation; measured: Operation }> {
	switch (job.kind) {
		case 'node-upload': {
			const fileuploadId = await prepareFileupload();
			const [warm, big] = [await ingest(job.warmFile!), await ingest(job.file!)];
			registerNodeType(START_NODE_TYPE, new ReplayStart());
			const upload = (binary: IBinaryData) => async () => {
				const { output, ms } = await runNode([{ json: {}, binary: { data: binary } }], {
					resource: 'fileUpload',
					operation: 'addFile',
					fileuploadId,
					binaryPropertyName: 'data',
					uploadKind: 'radiograph',
					uploadDate: '01/02/2020',
				});
				const files = output[0]?.json.files as Array<{ fileSize?: number }> | undefined;
				if (!files?.length) throw new Error('Add File returned no files');
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
			const upload = (path: string) => async () => {
				const started = nowMs();
				await streamingUpload(
					url,
					{ ...headers, 'Upload-Filename': basename(path) },
					path,
					job.mimeType ?? 'image/tiff',
				);
				return nowMs() - started;
			};
			return { warm: upload(job.warmFile!), measured: upload(job.file!) };
		}
		case 'node-download': {
			registerNodeType(START_NODE_TYPE, new ReplayStart());
			const download = (url: string) => async () => {
				const { output, ms } = await runNode([{ json: {} }], {
					resource: 'document',
					operation: 'download',
					documentUrl: url,
					binaryPropertyName: 'data',
				});
				if (!output[0]?.binary?.data) throw new Error('Download PDF returned no binary');
				return ms;
			};
			return { warm: download(job.warmUrl!), measured: download(job.url!) };
		}
		case 'raw-download': {
			const download = (url: string) => async () => {
				const target = join(job.outDir, `raw-${process.pid}.pdf`);
				const started = nowMs();
				await streamingDownload(url, { ...auth, Accept: 'application/pdf' }, target);
				const ms = nowMs() - started;
				rmSync(target, { force: true });
				return ms;
			};
			return { warm: download(job.warmUrl!), measured: download(job.url!) };
		}
	}
}

function fileBytes(): number {
	if (job.file) return statSync(job.file).size;
	// Downloads: the sandbox's synthetic documents are named SYNTHETIC_<bytes>.pdf.
	return Number(/SYNTHETIC_(\d+)\.pdf/.exec(job.url ?? '')?.[1] ?? Number.NaN);
}

async function main(): Promise<unknown> {
	const { warm, measured } = await operations();
	await warm();
	const answer: MemoryAnswer = { bytes: fileBytes(), preRss: [], peakRss: [], ms: [] };
	for (let i = 0; i < job.repeats; i++) {
		collectGarbage();
		await new Promise((resolve) => setTimeout(resolve, 100));
		answer.preRss.push(rssBytes());
		resetPeakRss();
		answer.ms.push(await measured());
		answer.peakRss.push(peakRssBytes());
	}
	return answer;
}

childMain(main);
