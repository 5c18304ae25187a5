"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HarnessStart = void 0;
const node_fs_1 = require("node:fs");
const n8n_workflow_1 = require("n8n-workflow");
/**
 * Test fixture standing in for n8n's Manual Trigger + "Read Files from Disk": it starts the
 * workflow with the given JSON items and streams real files into n8n's binary store
 * (filesystem mode), so the nodes under test read binaries exactly as they would in n8n.
 */
class HarnessStart {
    description = {
        displayName: 'Harness Start',
        name: 'harnessStart',
        group: ['trigger'],
        version: 1,
        description: 'Test fixture: emits the configured items',
        defaults: { name: 'Start' },
        inputs: [],
        outputs: [n8n_workflow_1.NodeConnectionTypes.Main],
        properties: [
            { displayName: 'Items', name: 'items', type: 'json', default: '[{}]' },
            { displayName: 'Files', name: 'files', type: 'json', default: '[]' },
        ],
    };
    async execute() {
        const items = JSON.parse(this.getNodeParameter('items', 0));
        const files = JSON.parse(this.getNodeParameter('files', 0));
        const output = [];
        for (let i = 0; i < items.length; i++) {
            const item = { json: items[i] };
            for (const file of files[i] ?? []) {
                item.binary ??= {};
                item.binary[file.property] = await this.helpers.prepareBinaryData((0, node_fs_1.createReadStream)(file.path), file.fileName, file.mimeType);
            }
            output.push(item);
        }
        return [output];
    }
}
exports.HarnessStart = HarnessStart;
//# sourceMappingURL=start-node.js.map