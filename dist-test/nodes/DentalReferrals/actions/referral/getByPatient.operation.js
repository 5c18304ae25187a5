"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.prepare = prepare;
const n8n_workflow_1 = require("n8n-workflow");
const list_fields_1 = require("../../descriptions/list.fields");
const input_error_1 = require("../../helpers/input-error");
const parameters_1 = require("../../helpers/parameters");
const node_of_1 = require("../../../shared/node-of");
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['referral'], operation: ['getByPatient'] } }, [
    {
        displayName: 'PTGUID',
        name: 'ptguid',
        type: 'string',
        default: '',
        required: true,
        placeholder: 'NDJhNDJhNTJlOTZmOTE5YTdmYTc=',
        description: 'Patient GUID returned by Prepare Form or Save Draft when a Patient Identifier was sent',
    },
    ...list_fields_1.listFields,
]);
async function prepare(itemIndex) {
    const ptguid = parameters_1.textParameter.call(this, 'ptguid', itemIndex, 'PTGUID');
    if (ptguid === '')
        throw (0, input_error_1.inputError)((0, node_of_1.nodeOf)(this), itemIndex, 'PTGUID', 'is required');
    if (!parameters_1.PTGUID_PATTERN.test(ptguid)) {
        throw (0, input_error_1.inputError)((0, node_of_1.nodeOf)(this), itemIndex, 'PTGUID', 'is not a PTGUID (Base64 text from Prepare Form or Save Draft)');
    }
    const count = list_fields_1.listCount.call(this, itemIndex);
    return async () => await list_fields_1.listReferrals.call(this, {
        endpoint: 'patient_referrals',
        qs: { ptguid, count },
        itemIndex,
        notFound: 'Patient',
    });
}
//# sourceMappingURL=getByPatient.operation.js.map