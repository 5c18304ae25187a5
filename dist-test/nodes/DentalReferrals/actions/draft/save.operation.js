"use strict";
var _a;
Object.defineProperty(exports, "__esModule", { value: true });
exports.prepare = exports.description = void 0;
const patient_form_operation_1 = require("../patient-form.operation");
// The seed: system type SE makes form_type optional for Prepare Form only, not for drafts.
_a = (0, patient_form_operation_1.patientFormOperation)({
    resource: 'draft',
    operation: 'save',
    endpoint: 'save_draft',
    formTypeOptionalForSE: false,
}), exports.description = _a.description, exports.prepare = _a.prepare;
//# sourceMappingURL=save.operation.js.map