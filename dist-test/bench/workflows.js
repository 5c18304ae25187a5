"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NODE_TYPE = exports.NODE_NAME = void 0;
exports.prepareFormParameters = prepareFormParameters;
exports.sandboxCredential = sandboxCredential;
/** The node configurations the cases run, shared by the in-process and the real-n8n cases. */
const run_workflow_1 = require("../test/harness/run-workflow");
exports.NODE_NAME = 'Dental Referrals';
exports.NODE_TYPE = `${run_workflow_1.PACKAGE}.dentalReferrals`;
/** Prepare Form with the fields a practice system typically fills in. */
function prepareFormParameters(formType) {
    return {
        resource: 'form',
        operation: 'prepare',
        formType,
        patientDob: '31/01/1980',
        additionalFields: {
            patientTitle: 'Mr',
            patientFirstName: 'John',
            patientLastName: 'Doe',
            patientIdentifier: 'PMS-1001',
        },
    };
}
function sandboxCredential(baseUrl, apiKey) {
    return { environment: 'custom', baseUrl, apiKey };
}
//# sourceMappingURL=workflows.js.map