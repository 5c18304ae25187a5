"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.prepare = prepare;
const n8n_workflow_1 = require("n8n-workflow");
const list_fields_1 = require("../../descriptions/list.fields");
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['referral'], operation: ['getMany'] } }, list_fields_1.listFields);
async function prepare(itemIndex) {
    const count = list_fields_1.listCount.call(this, itemIndex);
    return async () => await list_fields_1.listReferrals.call(this, { endpoint: 'batch_referral_status', qs: { count }, itemIndex });
}
//# sourceMappingURL=getMany.operation.js.map