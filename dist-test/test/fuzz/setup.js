"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.callApi = callApi;
exports.submittedReferral = submittedReferral;
/** Calls the sandbox API directly (test setup only), with practice 0's key. */
async function callApi(sandbox, method, endpoint, form) {
    const response = await fetch(new URL(endpoint, sandbox.baseUrl), {
        method,
        headers: {
            Authorization: `Token token=${sandbox.practices[0].apiKey}`,
            ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
        },
        body: form ? new URLSearchParams(form).toString() : undefined,
    });
    return (await response.json());
}
/** A submitted referral of practice 0 (so its status, its PDFs and its PTGUID exist). */
async function submittedReferral(sandbox, patientIdentifier) {
    const prepared = await callApi(sandbox, 'POST', 'prepare_form', {
        form_type: sandbox.practices[0].forms[0],
        patient_dob: '01/02/1980',
        patient_identifier: patientIdentifier,
    });
    const submitted = await sandbox.submit(String(prepared.urn));
    return { urn: submitted.urn, ptguid: String(prepared.ptguid), files: submitted.files };
}
//# sourceMappingURL=setup.js.map