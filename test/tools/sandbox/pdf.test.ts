import { buildPdf, syntheticPdf } from '../../../tools/sandbox/pdf';

/** Checks the xref table: every in-use entry points at "<n> 0 obj", and startxref at "xref". */
function expectConsistentXref(pdf: Buffer) {
	const text = pdf.toString('latin1');
	expect(text.startsWith('%PDF-1.4\n')).toBe(true);
	expect(text.endsWith('%%EOF\n')).toBe(true);
	const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
	expect(text.slice(startxref, startxref + 4)).toBe('xref');
	const [, count] = /^xref\n0 (\d+)\n/.exec(text.slice(startxref)) ?? [];
	const rows = text
		.slice(startxref)
		.split('\n')
		.slice(2, 2 + Number(count));
	expect(rows[0]).toBe('0000000000 65535 f ');
	rows.slice(1).forEach((row, i) => {
		expect(row).toMatch(/^\d{10} 00000 n $/);
		const offset = Number(row.slice(0, 10));
		expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
	});
	// Each content stream's /Length matches the bytes between "stream\n" and "endstream".
	for (const match of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
		const start = (match.index ?? 0) + match[0].length;
		expect(text.slice(start + Number(match[1]), start + Number(match[1]) + 'endstream'.length)).toBe(
			'endstream',
		);
	}
}

describe('sandbox PDFs', () => {
	it('builds a valid multi-page PDF whose text shows the lines (escaped)', () => {
		const pdf = buildPdf('TST0000001 AdultRestorativeForm', [
			['Referral URN: TST0000001', 'Form type: AdultRestorativeForm', 'a (b) c\\'],
			['Medical history'],
		]);
		expectConsistentXref(pdf);
		const text = pdf.toString('latin1');
		expect(text).toContain('(Referral URN: TST0000001) Tj');
		expect(text).toContain('(a \\(b\\) c\\\\) Tj');
		expect(text).toContain('/Count 2');
	});

	it.each([1024, 5000, 65536 + 3, 300000])(
		'makes a synthetic PDF of exactly %d bytes, streamed',
		async (bytes) => {
			const pdf = syntheticPdf('SYNTHETIC', ['Synthetic'], bytes);
			expect(pdf.size).toBe(bytes);
			const chunks: Buffer[] = [];
			for await (const chunk of pdf.stream()) chunks.push(chunk as Buffer);
			const whole = Buffer.concat(chunks);
			expect(whole.length).toBe(bytes);
			expectConsistentXref(whole);
			expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(64 * 1024);
		},
	);
});
