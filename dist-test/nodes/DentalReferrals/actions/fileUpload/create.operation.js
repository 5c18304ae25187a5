"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.createFileUpload = createFileUpload;
exports.prepare = prepare;
const api_1 = require("../../helpers/api");
const operation_1 = require("../operation");
exports.description = [];
/** Creates a file upload: an id that add_file calls and then a prepared form or draft refer to. */
async function createFileUpload(itemIndex) {
    const answer = await api_1.nodeApiRequest.call(this, {
        method: 'POST',
        endpoint: 'prepare_fileupload',
        itemIndex,
    });
    // apiRequest has checked it is a numeric id: never fileupload/NaN/add_file.
    return Number(answer.fileupload_id);
}
async function prepare(itemIndex) {
    return async () => (0, operation_1.jsonItems)({ fileupload_id: await createFileUpload.call(this, itemIndex) });
}
//# sourceMappingURL=create.operation.js.map