"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.prepare = prepare;
const api_1 = require("../../helpers/api");
const operation_1 = require("../operation");
exports.description = [];
async function prepare(itemIndex) {
    return async () => {
        const answer = await api_1.nodeApiRequest.call(this, {
            method: 'GET',
            endpoint: 'available_forms',
            itemIndex,
        });
        // apiRequest has checked the documented shape: an array of form type names.
        return (0, operation_1.jsonItems)(answer.map((formType) => ({ formType })));
    };
}
//# sourceMappingURL=getTypes.operation.js.map