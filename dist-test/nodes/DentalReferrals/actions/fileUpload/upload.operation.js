"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.prepare = prepare;
const n8n_workflow_1 = require("n8n-workflow");
const upload_fields_1 = require("../../descriptions/upload.fields");
const operation_1 = require("../operation");
const create_operation_1 = require("./create.operation");
const send_files_1 = require("./send-files");
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['fileUpload'], operation: ['upload'] } }, upload_fields_1.uploadFields);
/** Prepare File Upload + Add File for each chosen binary property, in one step per item. */
async function prepare(itemIndex) {
    const uploads = upload_fields_1.planUploads.call(this, itemIndex);
    return async () => {
        const fileuploadId = await create_operation_1.createFileUpload.call(this, itemIndex);
        const files = await send_files_1.sendFiles.call(this, itemIndex, fileuploadId, uploads);
        return (0, operation_1.jsonItems)({ fileupload_id: fileuploadId, files });
    };
}
//# sourceMappingURL=upload.operation.js.map