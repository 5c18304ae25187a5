"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getFormTypes = getFormTypes;
const transport_1 = require("../../shared/transport");
/** The Form Type dropdown: the form types enabled for the credential's key, live. */
async function getFormTypes() {
    const answer = await transport_1.apiRequest.call(this, { method: 'GET', endpoint: 'available_forms' });
    // apiRequest has checked the documented shape: an array of form type names.
    return [...answer].sort().map((formType) => ({
        name: formType.replace(/Form$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'),
        value: formType,
        description: formType,
    }));
}
//# sourceMappingURL=loadOptions.js.map