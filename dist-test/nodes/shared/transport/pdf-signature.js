"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SIGNATURE_WINDOW = void 0;
exports.bodyKind = bodyKind;
exports.peekBody = peekBody;
const multipart_1 = require("./multipart");
/**
 * The PDF check of document downloads, done on the stream itself: the first chunk(s) are
 * peeked, checked for the PDF signature and then passed on with the rest, so a 100 MB PDF is
 * never buffered.
 */
const PDF_SIGNATURE = Buffer.from('%PDF-');
// PDF readers accept the header anywhere in the first 1024 bytes (Adobe's PDF Reference,
// implementation note 13), so junk before it is tolerated as they tolerate it.
exports.SIGNATURE_WINDOW = 1024;
function bodyKind(head) {
    const signatureAt = head.subarray(0, exports.SIGNATURE_WINDOW).indexOf(PDF_SIGNATURE);
    if (signatureAt !== -1)
        return 'a PDF';
    if (head.length === 0)
        return 'an empty body';
    const text = head
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .trimStart();
    if (/^<(!doctype\s+html|html|head|body|meta|title|script|!--)/i.test(text))
        return 'HTML';
    if (/^[{[]/.test(text))
        return 'JSON';
    return 'other content';
}
/** Reads just enough of `source` to see its first `bytes` bytes, without consuming it for the caller. */
async function peekBody(source, bytes = exports.SIGNATURE_WINDOW) {
    const iterator = source[Symbol.asyncIterator]();
    const chunks = [];
    let size = 0;
    let ended = false;
    while (size < bytes) {
        const next = await iterator.next();
        if (next.done) {
            ended = true;
            break;
        }
        chunks.push(next.value);
        size += next.value.length;
    }
    const head = Buffer.concat(chunks);
    async function* replay() {
        try {
            if (head.length)
                yield head;
            if (ended)
                return;
            for (let next = await iterator.next(); !next.done; next = await iterator.next())
                yield next.value;
        }
        finally {
            // A consumer that stops early must not leave the socket open.
            await iterator.return?.();
        }
    }
    return {
        head,
        complete: ended,
        body: (0, multipart_1.streamLike)(source, replay()),
        discard: async () => {
            await iterator.return?.();
        },
    };
}
//# sourceMappingURL=pdf-signature.js.map