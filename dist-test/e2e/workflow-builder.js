"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ACTION_NODE = exports.MANUAL_TRIGGER = void 0;
exports.manualTriggerNode = manualTriggerNode;
exports.actionWorkflow = actionWorkflow;
exports.MANUAL_TRIGGER = 'When clicking ‘Execute workflow’';
exports.ACTION_NODE = 'Dental Referrals';
/** The Manual Trigger ("Execute workflow") at the canvas origin. */
function manualTriggerNode() {
    return {
        name: exports.MANUAL_TRIGGER,
        type: 'n8n-nodes-base.manualTrigger',
        typeVersion: 1,
        position: [0, 0],
        parameters: {},
    };
}
function actionWorkflow(options) {
    return {
        name: options.name ?? `e2e ${options.resource}.${options.operation}`,
        nodes: [
            manualTriggerNode(),
            {
                name: exports.ACTION_NODE,
                type: `${options.packageName}.dentalReferrals`,
                typeVersion: options.typeVersion ?? 1,
                position: [260, 0],
                parameters: { resource: options.resource, operation: options.operation, ...options.parameters },
                credentials: {
                    [options.credential.type]: { id: options.credential.id, name: options.credential.name },
                },
            },
        ],
        connections: { [exports.MANUAL_TRIGGER]: { main: [[{ node: exports.ACTION_NODE, type: 'main', index: 0 }]] } },
        settings: { executionOrder: 'v1' },
    };
}
//# sourceMappingURL=workflow-builder.js.map