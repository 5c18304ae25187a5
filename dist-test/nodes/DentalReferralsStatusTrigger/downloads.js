"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.eventItem = eventItem;
const pdf_files_1 = require("../shared/pdf-files");
/** The events whose item carries the referral's PDFs when Download Files is on. */
const CARRIES_FILES = new Set(['newReferral', 'filesReady', 'sample']);
function documentUrls(event) {
    const files = event.referral.referral_files;
    return Array.isArray(files)
        ? files.filter((file) => typeof file === 'string' && file !== '')
        : [];
}
/**
 * The output item of an event, with the referral's PDFs as binary file_0, file_1, … (in the
 * order of referral_files) when asked. Every URL is checked against the credential's origin
 * before any download, so a foreign URL is never requested. A refused URL or a failed download
 * does not fail the poll (the other events would be lost with it): the item goes out without
 * binary data and with `downloadError`; its URLs stay in `referral.referral_files`.
 */
async function eventItem(event, downloadFiles) {
    const urls = documentUrls(event);
    if (!downloadFiles || !urls.length || !CARRIES_FILES.has(event.event))
        return { json: event };
    try {
        const locations = await pdf_files_1.checkPdfUrls.call(this, urls, 'referral_files');
        return { json: event, binary: await pdf_files_1.downloadPdfs.call(this, locations) };
    }
    catch (error) {
        return { json: { ...event, downloadError: error.message } };
    }
}
//# sourceMappingURL=downloads.js.map