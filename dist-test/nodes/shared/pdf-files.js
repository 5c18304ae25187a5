"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.pdfProperty = void 0;
exports.checkPdfUrls = checkPdfUrls;
exports.downloadPdfs = downloadPdfs;
const transport_1 = require("./transport");
/** The binary property a referral's n-th PDF is written to: file_0, file_1, … */
const pdfProperty = (index) => `file_${index}`;
exports.pdfProperty = pdfProperty;
/**
 * Checks every URL against the credential's origin first, so that one foreign URL in a
 * notification stops everything before the key is sent anywhere; throws naming the field.
 */
async function checkPdfUrls(urls, field) {
    const locations = [];
    for (const [index, url] of urls.entries()) {
        locations.push(await transport_1.checkDocumentUrl.call(this, url, `${field}[${index}]`));
    }
    return locations;
}
/** Streams each PDF into n8n's binary store (filesystem, database or S3: whatever n8n uses). */
async function downloadPdfs(locations) {
    const binary = {};
    for (const [index, location] of locations.entries()) {
        binary[(0, exports.pdfProperty)(index)] = await transport_1.storeDocument.call(this, location);
    }
    return binary;
}
//# sourceMappingURL=pdf-files.js.map