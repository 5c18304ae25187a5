"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.inputError = inputError;
const n8n_workflow_1 = require("n8n-workflow");
/**
 * Bad input, found before any request: the message names the field (as the user sees it
 * in the editor) and the item, so a failing item in a long run is easy to find.
 */
function inputError(node, itemIndex, field, problem, description) {
    return new n8n_workflow_1.NodeOperationError(node, `${field}: ${problem} (item index ${itemIndex})`, {
        itemIndex,
        description,
    });
}
//# sourceMappingURL=input-error.js.map