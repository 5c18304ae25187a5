"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReplayStart = void 0;
/**
 * A start node for the memory children: emits items given as JSON, binary references
 * included, so a measured run only does the operation under test (the files were put into
 * n8n's binary store before the measurement started).
 */
const n8n_workflow_1 = require("n8n-workflow");
class ReplayStart {
    description = {
        displayName: 'Bench Replay Start',
        name: 'benchReplayStart',
        group: ['trigger'],
        version: 1,
        description: 'Bench fixture: emits the configured items, binaries included',
        defaults: { name: 'Start' },
        inputs: [],
        outputs: [n8n_workflow_1.NodeConnectionTypes.Main],
        properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
    };
    async execute() {
        return [JSON.parse(this.getNodeParameter('items', 0))];
    }
}
exports.ReplayStart = ReplayStart;
//# sourceMappingURL=replay-start.js.map