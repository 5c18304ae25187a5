"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.prepare = prepare;
const n8n_workflow_1 = require("n8n-workflow");
const upload_fields_1 = require("../../descriptions/upload.fields");
const parameters_1 = require("../../helpers/parameters");
const operation_1 = require("../operation");
const send_files_1 = require("./send-files");
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['fileUpload'], operation: ['addFile'] } }, [
    {
        displayName: 'File Upload ID',
        name: 'fileuploadId',
        type: 'number',
        default: 0,
        required: true,
        description: 'ID returned by Prepare File Upload. File uploads expire once their referral is submitted.',
    },
    ...upload_fields_1.uploadFields,
]);
async function prepare(itemIndex) {
    const fileuploadId = parameters_1.wholeNumberParameter.call(this, 'fileuploadId', itemIndex, 'File Upload ID', {
        min: 1,
        max: Number.MAX_SAFE_INTEGER,
        fallback: 0,
    });
    const uploads = upload_fields_1.planUploads.call(this, itemIndex);
    return async () => {
        const files = await send_files_1.sendFiles.call(this, itemIndex, fileuploadId, uploads);
        return (0, operation_1.jsonItems)({ status: 'success', fileupload_id: fileuploadId, files });
    };
}
//# sourceMappingURL=addFile.operation.js.map