"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.buildPdf = buildPdf;
exports.syntheticPdf = syntheticPdf;
// Real, small, valid PDFs (one text page per "page" given) with a correct xref table, plus
// large synthetic PDFs of an exact size that are generated as a stream for download benchmarks.
const node_stream_1 = require("node:stream");
const HEADER = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
/** PDF literal string: escape the delimiters and keep to printable Latin-1 (Helvetica/WinAnsi). */
function pdfString(text) {
    const safe = text.replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
    return `(${safe.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}
function pageContent(lines) {
    const ops = ['BT', '/F1 12 Tf', '14 TL', '50 790 Td'];
    for (const line of lines.slice(0, 52))
        ops.push(`${pdfString(line)} Tj T*`);
    ops.push('ET');
    return ops.join('\n') + '\n';
}
/** Catalog, Pages, Font, then for each page: Page + Contents. */
function layout(pageCount) {
    const pagesKids = [];
    const contentsIds = [];
    for (let i = 0; i < pageCount; i++) {
        pagesKids.push(4 + i * 2);
        contentsIds.push(5 + i * 2);
    }
    return { pagesKids, contentsIds };
}
function fixedObjects(pageCount) {
    const { pagesKids, contentsIds } = layout(pageCount);
    const objects = [
        '<< /Type /Catalog /Pages 2 0 R >>',
        `<< /Type /Pages /Kids [${pagesKids.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageCount} >>`,
        '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    ];
    return { objects, contentsIds };
}
function pageObject(contentsId) {
    return `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentsId} 0 R >>`;
}
function xrefAndTrailer(offsets, startxref) {
    const rows = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
    return (`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${rows}` +
        `trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R /Info ${offsets.length} 0 R >>\n` +
        `startxref\n${startxref}\n%%EOF\n`);
}
function infoObject(title) {
    return `<< /Title ${pdfString(title)} /Producer (Dental Referrals sandbox) >>`;
}
/** Builds a PDF with one page per entry of `pages`, each a list of text lines. */
function buildPdf(title, pages) {
    const { objects, contentsIds } = fixedObjects(pages.length);
    const bodies = [...objects];
    pages.forEach((lines, i) => {
        const content = pageContent(lines);
        bodies.push(pageObject(contentsIds[i]));
        bodies.push(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`);
    });
    bodies.push(infoObject(title));
    let pdf = HEADER;
    const offsets = [];
    bodies.forEach((body, i) => {
        offsets.push(Buffer.byteLength(pdf, 'latin1'));
        pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    });
    pdf += xrefAndTrailer(offsets, Buffer.byteLength(pdf, 'latin1'));
    return Buffer.from(pdf, 'latin1');
}
/**
 * A one-page PDF of exactly `bytes` bytes: the page's content stream is padded with PDF comment
 * lines. Only the small head and tail are built in memory; the padding is produced chunk by chunk.
 */
function syntheticPdf(title, lines, bytes) {
    const { objects, contentsIds } = fixedObjects(1);
    const text = pageContent(lines);
    const info = infoObject(title);
    let head = HEADER;
    const offsets = [];
    for (const [i, body] of [...objects, pageObject(contentsIds[0]), info].entries()) {
        offsets.push(Buffer.byteLength(head, 'latin1'));
        head += `${i === 4 ? 6 : i + 1} 0 obj\n${body}\nendobj\n`;
    }
    // Object numbers: 1 catalog, 2 pages, 3 font, 4 page, 6 info (written above), 5 contents (last).
    const contentsOffset = Buffer.byteLength(head, 'latin1');
    const xrefOffsets = [offsets[0], offsets[1], offsets[2], offsets[3], contentsOffset, offsets[4]];
    // The padding length depends on the digits of /Length and startxref: settle it by iteration.
    let padding = 0;
    let streamHead = '';
    let tail = '';
    for (let i = 0; i < 5; i++) {
        const length = Buffer.byteLength(text, 'latin1') + padding;
        streamHead = `5 0 obj\n<< /Length ${length} >>\nstream\n${text}`;
        const startxref = contentsOffset + Buffer.byteLength(streamHead, 'latin1') + padding + 'endstream\nendobj\n'.length;
        tail = `endstream\nendobj\n${xrefAndTrailer(xrefOffsets, startxref)}`;
        const fixed = Buffer.byteLength(head + streamHead + tail, 'latin1');
        padding = Math.max(0, bytes - fixed);
    }
    const prefix = Buffer.from(head + streamHead, 'latin1');
    const suffix = Buffer.from(tail, 'latin1');
    const size = prefix.length + padding + suffix.length;
    const line = Buffer.from(`%${' '.repeat(62)}\n`, 'latin1');
    const block = Buffer.alloc(64 * 1024);
    for (let i = 0; i < block.length; i += line.length)
        line.copy(block, i);
    // The padding ends with a newline so the stream's content lines stay well-formed.
    return {
        size,
        stream() {
            let remaining = padding;
            let sentPrefix = false;
            let sentSuffix = false;
            return new node_stream_1.Readable({
                read() {
                    if (!sentPrefix) {
                        sentPrefix = true;
                        this.push(prefix);
                    }
                    else if (remaining > 0) {
                        const n = Math.min(remaining, block.length);
                        remaining -= n;
                        if (remaining > 0) {
                            this.push(block.subarray(0, n));
                        }
                        else {
                            const last = Buffer.from(block.subarray(0, n));
                            last[n - 1] = 0x0a;
                            this.push(last);
                        }
                    }
                    else if (!sentSuffix) {
                        sentSuffix = true;
                        this.push(suffix);
                    }
                    else {
                        this.push(null);
                    }
                },
            });
        },
    };
}
//# sourceMappingURL=pdf.js.map