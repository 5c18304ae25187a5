"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.uploadFields = exports.MIME_BY_EXTENSION = exports.MIME_ALIASES = exports.SUPPORTED_MIME_TYPES = void 0;
exports.planUploads = planUploads;
const dates_1 = require("../helpers/dates");
const input_error_1 = require("../helpers/input-error");
const parameters_1 = require("../helpers/parameters");
const node_of_1 = require("../../shared/node-of");
/** The seed's supported Upload-Content-Type values. */
exports.SUPPORTED_MIME_TYPES = [
    'image/jpeg',
    'image/jpg',
    'image/bmp',
    'image/tiff',
    'image/png',
    'text/rtf',
    'application/pdf',
    'application/msword',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
];
/*
 * n8n names a binary's type with the `mime-types` package: n8n-core's prepareBinaryData and
 * copyBinaryFile (binary-helper-functions.js) call its lookup(), which with mime-db 1.54 gives
 * .rtf → application/rtf (not the API's text/rtf), .jfif → image/pjpeg, .dib → image/bmp and
 * .dot → application/msword; mime-db also lists image/x-ms-bmp for .bmp. Browsers and older
 * systems send the remaining names below for the same formats. Each is sent under the name the
 * API documents. text/richtext is not here: mime-db gives it to .rtx (RFC 1341 richtext), not RTF.
 */
exports.MIME_ALIASES = {
    // Documented too, but image/jpeg is the API's first name and its own example's.
    'image/jpg': 'image/jpeg',
    'image/pjpeg': 'image/jpeg',
    'image/x-ms-bmp': 'image/bmp',
    'image/x-bmp': 'image/bmp',
    'image/x-windows-bmp': 'image/bmp',
    'image/tif': 'image/tiff',
    'image/x-tiff': 'image/tiff',
    'image/x-png': 'image/png',
    'application/rtf': 'text/rtf',
    'application/x-rtf': 'text/rtf',
};
// For binaries whose MIME type is generic (application/octet-stream) or missing: every
// extension mime-db gives one of the documented kinds (or an alias above).
exports.MIME_BY_EXTENSION = {
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    jpe: 'image/jpeg',
    jfif: 'image/jpeg',
    bmp: 'image/bmp',
    dib: 'image/bmp',
    tif: 'image/tiff',
    tiff: 'image/tiff',
    png: 'image/png',
    rtf: 'text/rtf',
    pdf: 'application/pdf',
    doc: 'application/msword',
    dot: 'application/msword',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
const MAX_FILE_NAME_LENGTH = 255;
/** Fields shared by Add File and Upload Files. */
exports.uploadFields = [
    {
        displayName: 'Input Binary Field',
        name: 'binaryPropertyName',
        type: 'string',
        default: 'data',
        required: true,
        placeholder: 'data, radiograph',
        hint: 'The name of the input binary field(s) holding the file(s); separate several with commas',
        description: 'Name of the binary property (or comma-separated properties) of the input item to upload',
    },
    {
        displayName: 'Upload Kind',
        name: 'uploadKind',
        type: 'options',
        options: [
            { name: 'Other', value: 'other' },
            { name: 'Radiograph', value: 'radiograph' },
        ],
        default: 'other',
        description: 'What the file is; a radiograph needs the date it was taken',
    },
    {
        displayName: 'Upload Date',
        name: 'uploadDate',
        type: 'string',
        default: '',
        placeholder: '29/01/2016',
        description: 'Date the radiograph was taken: DD/MM/YYYY, an ISO date or a date from an expression; sent as DD/MM/YYYY',
        displayOptions: { show: { uploadKind: ['radiograph'] } },
    },
];
/**
 * Header values must be ASCII: a file name like "röntgen.jpg" would make Node refuse the
 * request. The seed says nothing about encoding, so other characters are percent-encoded
 * in Upload-Filename (the multipart part keeps the name as it is, in UTF-8). When it is
 * percent-encoded, a literal % is encoded too (%25), so a server that decodes the header gets
 * the exact name back ("100% röntgen.jpg" is not read as an escape). An ASCII name is sent as is.
 */
function headerSafe(value) {
    // A lone UTF-16 surrogate cannot be percent-encoded: it becomes U+FFFD first.
    const wellFormed = value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
    if (!/[^\x20-\x7e]/u.test(wellFormed))
        return wellFormed;
    return wellFormed.replace(/[^\x20-\x24\x26-\x7e]/gu, (char) => encodeURIComponent(char));
}
// Binary metadata may say "constructor" or "__proto__": only the tables' own entries count.
function own(table, key) {
    return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
/** The documented Upload-Content-Type for a binary, or undefined when the API cannot take it. */
function supportedMimeType(binary) {
    // Binary metadata set by other nodes or code may be anything: only text counts.
    const declared = (typeof binary.mimeType === 'string' ? binary.mimeType : '')
        .split(';')[0]
        .trim()
        .toLowerCase();
    const documented = own(exports.MIME_ALIASES, declared) ?? declared;
    if (exports.SUPPORTED_MIME_TYPES.includes(documented))
        return documented;
    if (declared === '' || declared === 'application/octet-stream') {
        const extension = (typeof binary.fileName === 'string' ? binary.fileName : '').split('.').pop()?.toLowerCase() ?? '';
        return own(exports.MIME_BY_EXTENSION, extension);
    }
    return undefined;
}
/**
 * Reads and checks the upload fields of item `itemIndex`: every named binary property must
 * exist with a supported MIME type, and a radiograph needs a real date. Nothing is read
 * from the binary store yet; `open()` streams the bytes when the request is sent.
 */
function planUploads(itemIndex) {
    const node = (0, node_of_1.nodeOf)(this);
    const names = parameters_1.textParameter
        .call(this, 'binaryPropertyName', itemIndex, 'Input Binary Field', 'data')
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean);
    if (names.length === 0)
        throw (0, input_error_1.inputError)(node, itemIndex, 'Input Binary Field', 'is required');
    const kind = parameters_1.textParameter.call(this, 'uploadKind', itemIndex, 'Upload Kind', 'other');
    if (kind !== 'radiograph' && kind !== 'other') {
        throw (0, input_error_1.inputError)(node, itemIndex, 'Upload Kind', `"${kind}" is not one of radiograph, other`);
    }
    const shared = { 'Upload-Kind': kind };
    const rawDate = kind === 'radiograph' ? this.getNodeParameter('uploadDate', itemIndex, '') : '';
    if (kind === 'radiograph') {
        const date = (0, dates_1.toApiDate)(rawDate);
        if (!date.ok) {
            throw (0, input_error_1.inputError)(node, itemIndex, 'Upload Date', `${date.problem}; a radiograph needs the date it was taken`);
        }
        shared['Upload-Date'] = date.value;
    }
    const item = this.getInputData()[itemIndex];
    return names.map((property) => {
        const binary = item?.binary?.[property];
        if (!binary) {
            const present = Object.keys(item?.binary ?? {});
            throw (0, input_error_1.inputError)(node, itemIndex, 'Input Binary Field', `the item has no binary property "${property}"${present.length ? ` (it has: ${present.join(', ')})` : ' (it has no binary data)'}`);
        }
        const mimeType = supportedMimeType(binary);
        if (!mimeType) {
            throw (0, input_error_1.inputError)(node, itemIndex, 'Input Binary Field', `"${property}" has MIME type ${typeof binary.mimeType === 'string' && binary.mimeType ? binary.mimeType.slice(0, 80) : '(none)'}, which the API does not accept`, `Supported: ${exports.SUPPORTED_MIME_TYPES.join(', ')}`);
        }
        const extension = typeof binary.fileExtension === 'string' ? binary.fileExtension : 'bin';
        const fileName = typeof binary.fileName === 'string' && binary.fileName !== ''
            ? binary.fileName
            : `${property}.${extension}`;
        // Upload-Filename is a header: servers refuse headers of many kilobytes (Node: 16 KiB in all).
        if (fileName.length > MAX_FILE_NAME_LENGTH) {
            throw (0, input_error_1.inputError)(node, itemIndex, 'Input Binary Field', `the file name of "${property}" is longer than ${MAX_FILE_NAME_LENGTH} characters`);
        }
        return {
            property,
            fileName,
            mimeType,
            headers: { ...shared, 'Upload-Content-Type': mimeType, 'Upload-Filename': headerSafe(fileName) },
            open: async () => {
                // n8n 2.x keeps binaries in a store (filesystem, database, S3): stream by id.
                if (binary.id) {
                    const metadata = await this.helpers.getBinaryMetadata(binary.id);
                    const content = await this.helpers.getBinaryStream(binary.id, 256 * 1024);
                    return { fileName, mimeType, content, size: metadata.fileSize };
                }
                const content = await this.helpers.getBinaryDataBuffer(itemIndex, property);
                return { fileName, mimeType, content };
            },
        };
    });
}
//# sourceMappingURL=upload.fields.js.map