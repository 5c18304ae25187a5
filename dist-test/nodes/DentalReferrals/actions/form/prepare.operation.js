"use strict";
var _a;
Object.defineProperty(exports, "__esModule", { value: true });
exports.prepare = exports.description = void 0;
const patient_form_operation_1 = require("../patient-form.operation");
_a = (0, patient_form_operation_1.patientFormOperation)({
    resource: 'form',
    operation: 'prepare',
    endpoint: 'prepare_form',
    formTypeOptionalForSE: true,
}), exports.description = _a.description, exports.prepare = _a.prepare;
//# sourceMappingURL=prepare.operation.js.map