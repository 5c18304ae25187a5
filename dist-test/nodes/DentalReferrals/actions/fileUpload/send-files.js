"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sendFiles = sendFiles;
const api_1 = require("../../helpers/api");
/** Streams each planned file to add_file of one file upload, in order; returns what was sent. */
async function sendFiles(itemIndex, fileuploadId, uploads) {
    const sent = [];
    for (const upload of uploads) {
        const file = await upload.open();
        await api_1.nodeApiRequest.call(this, {
            method: 'POST',
            endpoint: `fileupload/${fileuploadId}/add_file`,
            headers: upload.headers,
            file,
            itemIndex,
            notFound: `File upload ${fileuploadId}`,
        });
        sent.push({
            binaryPropertyName: upload.property,
            fileName: upload.fileName,
            mimeType: upload.mimeType,
            kind: upload.headers['Upload-Kind'],
            ...(upload.headers['Upload-Date'] ? { date: upload.headers['Upload-Date'] } : {}),
            ...(file.size !== undefined ? { fileSize: file.size } : {}),
        });
    }
    return sent;
}
//# sourceMappingURL=send-files.js.map