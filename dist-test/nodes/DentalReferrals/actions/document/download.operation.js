"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.prepare = prepare;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../../shared/transport");
const api_1 = require("../../helpers/api");
const input_error_1 = require("../../helpers/input-error");
const parameters_1 = require("../../helpers/parameters");
const node_of_1 = require("../../../shared/node-of");
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['document'], operation: ['download'] } }, [
    {
        displayName: 'Document URL',
        name: 'documentUrl',
        type: 'string',
        default: '',
        required: true,
        placeholder: 'https://app.dental-referrals.org/documents/show/attachments/1/pdfs/original/TST0000001.pdf',
        description: "URL of a referral PDF, from a referral's referral_files or a files-ready notification. Only URLs on the credential's API origin are fetched.",
    },
    {
        displayName: 'Put Output File in Field',
        name: 'binaryPropertyName',
        type: 'string',
        default: 'data',
        required: true,
        hint: 'The name of the output binary field to put the PDF in',
        description: 'Name of the binary property the downloaded PDF is written to',
    },
]);
async function prepare(itemIndex) {
    const property = parameters_1.textParameter.call(this, 'binaryPropertyName', itemIndex, 'Put Output File in Field', 'data');
    if (property === '')
        throw (0, input_error_1.inputError)((0, node_of_1.nodeOf)(this), itemIndex, 'Put Output File in Field', 'is required');
    const location = await transport_1.checkDocumentUrl.call(this, parameters_1.textParameter.call(this, 'documentUrl', itemIndex, 'Document URL'), 'Document URL', itemIndex);
    return async () => {
        const binary = await transport_1.storeDocument.call(this, location, itemIndex, api_1.requestTimeoutMs.call(this, itemIndex));
        const input = this.getInputData()[itemIndex];
        return [{ json: input.json, binary: { ...input.binary, [property]: binary } }];
    };
}
//# sourceMappingURL=download.operation.js.map