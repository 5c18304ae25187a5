import { createHash, randomBytes } from 'node:crypto';

import fc from 'fast-check';
import FormData from 'form-data';

import { runWorkflow } from '../../tools/engine/run-workflow';
import { dentalReferrals, sandboxCredential, useSandbox } from '../../tools/engine/sandbox-workflow';
import { parseMultipart, recordedPart } from '../../tools/sandbox/multipart';
import type { RecordedRequest } from '../../tools/sandbox';
// Registers the Fuzz Binaries fixture node (binaries with the generated file names).
import './fuzz-harness';
import type { FuzzFile } from './fuzz-harness';
import { callApi } from './setup';

/**
 * An independent oracle for the hand-streamed multipart body of Add File and Upload Files
 * (nodes/shared/transport/multipart.ts): for every add_file request the sandbox received, the
 * parts it parsed (header lines as sent, name, file name, content type, size, SHA-256 of the
 * bytes) must equal the parts of the body the `form-data` npm package encodes for the same
 * bytes, file name and content type. Boundaries differ, so parsed parts are compared, never raw
 * bytes; both bodies go through the same parser (the sandbox's).
 */

jest.setTimeout(60_000);

/** The documented MIME types (the seed's Upload-Content-Type list) and, for octet-stream, the README's extension rule. */
const BY_EXTENSION: Record<string, string> = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	bmp: 'image/bmp',
	tiff: 'image/tiff',
	pdf: 'application/pdf',
	rtf: 'text/rtf',
	doc: 'application/msword',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

interface Case {
	fileName: string;
	/** The binary's MIME type as another node set it. */
	mimeType: string;
	/** What the API must receive as the part's Content-Type. */
	expectedType: string;
}

const FIXED: Case[] = [
	{ fileName: 'x-ray.jpg', mimeType: 'image/jpeg', expectedType: 'image/jpeg' },
	// Non-ASCII: the part keeps the UTF-8 name (README: only the Upload-Filename header is percent-encoded).
	{ fileName: 'RÖNTGEN Zoë 中文 😀.png', mimeType: 'image/png', expectedType: 'image/png' },
	// Quotes, and a line break: must not end the header parameter or the header line.
	{ fileName: 'quote".jpg', mimeType: 'image/jpeg', expectedType: 'image/jpeg' },
	{ fileName: 'O\'Brien "scan"; name=x.pdf', mimeType: 'application/pdf', expectedType: 'application/pdf' },
	{ fileName: 'line\r\nbreak.pdf', mimeType: 'application/pdf', expectedType: 'application/pdf' },
	{ fileName: 'back\\slash.rtf', mimeType: 'text/rtf', expectedType: 'text/rtf' },
	{ fileName: 'letter.docx', mimeType: BY_EXTENSION.docx, expectedType: BY_EXTENSION.docx },
	// README: "a binary marked application/octet-stream is recognised by its extension".
	{ fileName: 'scan.tiff', mimeType: 'application/octet-stream', expectedType: 'image/tiff' },
];

/** Generated names: any unicode text (no '/': form-data keeps only a path's base name) and a documented extension. */
const generated: Case[] = fc
	.sample(
		fc.tuple(
			fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }).filter((base) => !base.includes('/')),
			fc.constantFrom(...Object.keys(BY_EXTENSION)),
		),
		{ seed: 0x6e7106, numRuns: 40 },
	)
	.map(([base, extension]) => ({
		fileName: `${base}.${extension}`,
		mimeType: BY_EXTENSION[extension],
		expectedType: BY_EXTENSION[extension],
	}));

/** The parts of the body form-data encodes for one file in field `file`. */
async function formDataParts(bytes: Buffer, fileName: string, contentType: string) {
	const form = new FormData();
	form.append('file', bytes, { filename: fileName, contentType });
	async function* body() {
		yield form.getBuffer();
	}
	const parts = await parseMultipart(body(), form.getBoundary());
	// Summed up as the sandbox records a request's parts, so the two compare field for field.
	return parts.map(recordedPart);
}

const hash = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('multipart oracle: the Add File / Upload Files body equals what form-data encodes', () => {
	const sandbox = useSandbox();

	/** One file per case, random bytes (so each request names its file by hash). */
	const files = (cases: Case[]) =>
		cases.map((entry) => ({ ...entry, bytes: randomBytes(200 + Math.floor(Math.random() * 3000)) }));

	async function compare(requests: RecordedRequest[], sent: Array<Case & { bytes: Buffer }>) {
		expect(requests).toHaveLength(sent.length);
		for (const request of requests) {
			const file = sent.find((candidate) =>
				request.parts?.some((part) => part.sha256 === hash(candidate.bytes)),
			);
			expect(file).toBeDefined();
			expect(request.status).toBe(200);
			expect({ fileName: file!.fileName, parts: request.parts }).toEqual({
				fileName: file!.fileName,
				parts: await formDataParts(file!.bytes, file!.fileName, file!.expectedType),
			});
		}
	}

	it('Add File: fixed names (non-ASCII, quotes, CR/LF, backslash) and 40 generated ones', async () => {
		const sent = files([...FIXED, ...generated]);
		const id = Number((await callApi(sandbox(), 'POST', 'prepare_fileupload')).fileupload_id);
		sandbox().clearRequests();
		const items = sent.map((file) => ({
			__files: [
				{
					property: 'data',
					content: file.bytes.toString('base64'),
					encoding: 'base64',
					meta: { fileName: file.fileName, mimeType: file.mimeType },
				} satisfies FuzzFile,
			],
		}));
		const result = await runWorkflow({
			items,
			nodes: [
				{ name: 'Fuzz Binaries', type: 'fuzz.binaries', parameters: {} },
				dentalReferrals({
					resource: 'fileUpload',
					operation: 'addFile',
					fileuploadId: id,
					binaryPropertyName: 'data',
				}),
			],
			credentials: sandboxCredential(sandbox()),
		});
		expect(result.error).toBeUndefined();
		await compare(
			sandbox().requests.filter((request) => request.path.endsWith('/add_file')),
			sent,
		);
	});

	it('Upload Files: several binaries of one item, each its own add_file body', async () => {
		const sent = files(FIXED);
		sandbox().clearRequests();
		const result = await runWorkflow({
			items: [
				{
					__files: sent.map(
						(file, index): FuzzFile => ({
							property: `f${index}`,
							content: file.bytes.toString('base64'),
							encoding: 'base64',
							meta: { fileName: file.fileName, mimeType: file.mimeType },
						}),
					),
				},
			],
			nodes: [
				{ name: 'Fuzz Binaries', type: 'fuzz.binaries', parameters: {} },
				dentalReferrals({
					resource: 'fileUpload',
					operation: 'upload',
					binaryPropertyName: sent.map((_file, index) => `f${index}`).join(','),
				}),
			],
			credentials: sandboxCredential(sandbox()),
		});
		expect(result.error).toBeUndefined();
		await compare(
			sandbox().requests.filter((request) => request.path.endsWith('/add_file')),
			sent,
		);
	});

	it('the oracle notices a difference: another file name or content type is not equal', async () => {
		const bytes = randomBytes(100);
		const reference = await formDataParts(bytes, 'quote".jpg', 'image/jpeg');
		expect(reference[0].headerLines).toEqual([
			'Content-Disposition: form-data; name="file"; filename="quote%22.jpg"',
			'Content-Type: image/jpeg',
		]);
		expect(await formDataParts(bytes, 'quote.jpg', 'image/jpeg')).not.toEqual(reference);
		expect(await formDataParts(bytes, 'quote".jpg', 'image/png')).not.toEqual(reference);
		expect(await formDataParts(randomBytes(100), 'quote".jpg', 'image/jpeg')).not.toEqual(reference);
	});
});
