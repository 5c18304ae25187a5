"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.patientFormOperation = patientFormOperation;
const n8n_workflow_1 = require("n8n-workflow");
const api_1 = require("../helpers/api");
const patient_fields_1 = require("../descriptions/patient.fields");
const operation_1 = require("./operation");
/**
 * Prepare Form and Save Draft take exactly the same parameters (the seed says so) and
 * differ in endpoint and in whether system type SE may leave the form type out.
 */
function patientFormOperation(options) {
    return {
        description: (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: [options.resource], operation: [options.operation] } }, [(0, patient_fields_1.formTypeField)(!options.formTypeOptionalForSE), ...patient_fields_1.patientFields]),
        async prepare(itemIndex) {
            const form = await patient_fields_1.patientForm.call(this, itemIndex, options);
            // The only entity these calls can miss is the file upload they attach.
            const notFound = form.fileupload_id ? `File upload ${form.fileupload_id}` : undefined;
            return async () => (0, operation_1.jsonItems)(await api_1.nodeApiRequest.call(this, {
                method: 'POST',
                endpoint: options.endpoint,
                form,
                itemIndex,
                notFound,
            }));
        },
    };
}
//# sourceMappingURL=patient-form.operation.js.map