"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.prepare = prepare;
const n8n_workflow_1 = require("n8n-workflow");
const api_1 = require("../../helpers/api");
const operation_1 = require("../operation");
const parameters_1 = require("../../helpers/parameters");
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['referral'], operation: ['get'] } }, [
    {
        displayName: 'URN',
        name: 'urn',
        type: 'string',
        default: '',
        required: true,
        placeholder: 'TST0000001',
        description: 'URN of the referral, as returned by Prepare Form or Save Draft',
    },
]);
async function prepare(itemIndex) {
    const urn = parameters_1.urnParameter.call(this, itemIndex);
    return async () => {
        const answer = await api_1.nodeApiRequest.call(this, {
            method: 'GET',
            endpoint: 'referral_status',
            qs: { urn },
            itemIndex,
            notFound: `Referral ${urn}`,
        });
        // The seed's example answer omits referral_urn although its field list has it;
        // fill it in so Get Status items look like Get Recent ones.
        return (0, operation_1.jsonItems)({ referral_urn: urn, ...answer });
    };
}
//# sourceMappingURL=get.operation.js.map