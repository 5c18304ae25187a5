import { createHash } from 'node:crypto';
import { MultipartError, multipartBoundary, parseMultipart } from '../../../tools/sandbox/multipart';

const BOUNDARY = '--b0undary--x';

function body(parts: Array<{ headers: string; data: Buffer }>, preamble = '', epilogue = ''): Buffer {
	const chunks: Buffer[] = [Buffer.from(preamble)];
	parts.forEach((part, i) => {
		chunks.push(
			Buffer.from(`${i === 0 && !preamble ? '' : '\r\n'}--${BOUNDARY}\r\n${part.headers}\r\n\r\n`),
			part.data,
		);
	});
	chunks.push(Buffer.from(`\r\n--${BOUNDARY}--\r\n${epilogue}`));
	return Buffer.concat(chunks);
}

async function* inChunks(bytes: Buffer, sizes: () => number): AsyncGenerator<Buffer> {
	for (let offset = 0; offset < bytes.length; ) {
		const size = Math.max(1, sizes());
		yield bytes.subarray(offset, offset + size);
		offset += size;
	}
}

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('streaming multipart parser', () => {
	// Data that contains near-misses of the delimiter, CRLFs and dashes.
	const tricky = Buffer.concat([
		Buffer.from(`\r\n--${BOUNDARY.slice(0, -1)}\r\n--\r\n-`),
		Buffer.alloc(3000, 0x2d),
		Buffer.from(`\r\n--${BOUNDARY}X`.slice(0, -2)),
	]);
	const parts = [
		{ headers: 'Content-Disposition: form-data; name="note"', data: Buffer.from('hello') },
		{
			headers:
				'Content-Disposition: form-data; name="file"; filename="x \\"1\\".jpg"\r\nContent-Type: image/jpeg',
			data: tricky,
		},
		{ headers: 'Content-Disposition: form-data; name="empty"; filename="e.txt"', data: Buffer.alloc(0) },
	];
	const whole = body(parts, 'preamble text', 'epilogue');

	it.each([
		['one chunk', () => whole.length],
		['1-byte chunks', () => 1],
		['7-byte chunks', () => 7],
		['random chunks', () => 1 + Math.floor(Math.random() * 200)],
	])('parses names, filenames, types, sizes and hashes with %s', async (_label, sizes) => {
		const parsed = await parseMultipart(inChunks(whole, sizes), BOUNDARY);
		expect(
			parsed.map(({ name, filename, contentType, size, sha256 }) => ({
				name,
				filename,
				contentType,
				size,
				sha256,
			})),
		).toEqual([
			{
				name: 'note',
				filename: undefined,
				contentType: undefined,
				size: 5,
				sha256: sha(Buffer.from('hello')),
			},
			{
				name: 'file',
				filename: 'x "1".jpg',
				contentType: 'image/jpeg',
				size: tricky.length,
				sha256: sha(tricky),
			},
			{ name: 'empty', filename: 'e.txt', contentType: undefined, size: 0, sha256: sha(Buffer.alloc(0)) },
		]);
		expect(parsed[1].head.equals(tricky)).toBe(true);
	});

	it('keeps at most keepBytes of a part while hashing all of it', async () => {
		const big = Buffer.alloc(300 * 1024, 7);
		const parsed = await parseMultipart(
			inChunks(body([{ headers: 'Content-Disposition: form-data; name="file"', data: big }]), () => 65536),
			BOUNDARY,
			1000,
		);
		expect(parsed[0].head.length).toBe(1000);
		expect(parsed[0].size).toBe(big.length);
		expect(parsed[0].sha256).toBe(sha(big));
	});

	it('decodes RFC 5987 filename*', async () => {
		const parsed = await parseMultipart(
			inChunks(
				body([
					{
						headers: 'Content-Disposition: form-data; name="file"; filename*=UTF-8\'\'r%C3%B6ntgen.jpg',
						data: Buffer.from('x'),
					},
				]),
				() => 5,
			),
			BOUNDARY,
		);
		expect(parsed[0].filename).toBe('röntgen.jpg');
	});

	it('rejects a body without its closing boundary, and parts without Content-Disposition', async () => {
		const open = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc`);
		await expect(
			parseMultipart(
				inChunks(open, () => 4),
				BOUNDARY,
			),
		).rejects.toBeInstanceOf(MultipartError);
		const noDisposition = body([{ headers: 'Content-Type: text/plain', data: Buffer.from('x') }]);
		await expect(
			parseMultipart(
				inChunks(noDisposition, () => 100),
				BOUNDARY,
			),
		).rejects.toThrow(/Content-Disposition/);
	});

	it('reads the boundary from the Content-Type', () => {
		expect(multipartBoundary('multipart/form-data; boundary=abc')).toBe('abc');
		expect(multipartBoundary('multipart/form-data; charset=utf-8; boundary="a b;c"')).toBe('a b;c');
		expect(multipartBoundary('multipart/form-data')).toBeUndefined();
		expect(multipartBoundary('application/json; boundary=abc')).toBeUndefined();
	});
});
