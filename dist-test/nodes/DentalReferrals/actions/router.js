"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.router = router;
const n8n_workflow_1 = require("n8n-workflow");
const document = __importStar(require("./document"));
const draft = __importStar(require("./draft"));
const fileUpload = __importStar(require("./fileUpload"));
const form = __importStar(require("./form"));
const referral = __importStar(require("./referral"));
const api_1 = require("../helpers/api");
const parameters_1 = require("../helpers/parameters");
const node_of_1 = require("../../shared/node-of");
const resources = {
    form: form.operations,
    draft: draft.operations,
    referral: referral.operations,
    fileUpload: fileUpload.operations,
    document: document.operations,
};
function asNodeError(error, itemIndex) {
    if (error instanceof n8n_workflow_1.NodeOperationError || error?.name === 'NodeApiError') {
        return error;
    }
    // Anything else is a bug of ours or of n8n; its message is kept, never a request object.
    return new n8n_workflow_1.NodeOperationError((0, node_of_1.nodeOf)(this), error?.message ?? String(error), { itemIndex });
}
function errorItem(error, itemIndex) {
    const json = { error: error.message };
    if (error.description)
        json.description = error.description;
    const httpCode = error.httpCode;
    if (httpCode)
        json.httpCode = httpCode;
    return { json, pairedItem: { item: itemIndex } };
}
/**
 * Runs the chosen operation for every input item, in two passes: first every item's input
 * is read and checked (no request yet), then the requests are sent (one at a time, or up to
 * Options → Parallel Requests at once), the output in item order. So bad
 * input stops the node before anything reaches the API, unless Continue On Fail is set, in
 * which case that item becomes an error item and the others still run.
 */
async function router() {
    const items = this.getInputData();
    const output = [];
    if (items.length === 0)
        return [output];
    const planned = [];
    for (let i = 0; i < items.length; i++) {
        try {
            const resource = parameters_1.nodeParameter.call(this, 'resource', i);
            const operationName = parameters_1.nodeParameter.call(this, 'operation', i);
            const operation = resources[resource]?.[operationName];
            if (!operation) {
                throw new n8n_workflow_1.NodeOperationError((0, node_of_1.nodeOf)(this), `Unknown operation "${operationName}" of resource "${resource}"`, { itemIndex: i });
            }
            // Node options are checked with the item's input too, before any request.
            api_1.requestTimeoutMs.call(this, i);
            planned.push(await operation.prepare.call(this, i));
        }
        catch (error) {
            const failure = asNodeError.call(this, error, i);
            if (!this.continueOnFail())
                throw failure;
            planned.push(failure);
        }
    }
    // Send: up to Parallel Requests at a time; results are kept in input order.
    const results = new Array(items.length);
    let next = 0;
    let stop;
    const sendNext = async () => {
        while (next < items.length && !stop) {
            const i = next++;
            const plan = planned[i];
            if (typeof plan !== 'function') {
                results[i] = [errorItem(plan, i)];
                continue;
            }
            try {
                results[i] = (await plan()).map((item) => ({ ...item, pairedItem: { item: i } }));
            }
            catch (error) {
                const failure = asNodeError.call(this, error, i);
                if (this.continueOnFail())
                    results[i] = [errorItem(failure, i)];
                else
                    stop ??= failure;
            }
        }
    };
    const workers = Math.min(api_1.parallelRequests.call(this), items.length);
    await Promise.all(Array.from({ length: workers }, sendNext));
    if (stop)
        throw stop;
    for (const itemOutput of results)
        output.push(...itemOutput);
    return [output];
}
//# sourceMappingURL=router.js.map