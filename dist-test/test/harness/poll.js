"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createPoller = createPoller;
const n8n_core_1 = require("n8n-core");
const run_workflow_1 = require("./run-workflow");
const clone = (data) => JSON.parse(JSON.stringify(data));
function createPoller(spec) {
    let saved = clone(spec.saved ?? {});
    let saves = 0;
    let running;
    function load(mode, activation) {
        const { workflow, additionalData } = (0, run_workflow_1.buildWorkflow)({
            nodes: [],
            trigger: spec.trigger,
            credentials: spec.credentials,
            staticData: clone(saved),
        });
        const node = workflow.getNode(spec.trigger.name);
        const context = new n8n_core_1.PollContext(workflow, node, additionalData, mode, activation);
        return { workflow, context, node };
    }
    async function poll({ workflow, context, node }) {
        const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
        if (!nodeType.poll)
            throw new Error(`${node.type} has no poll()`);
        const result = await nodeType.poll.call(context);
        return result === null ? null : (result[0] ?? []);
    }
    function save(workflow) {
        const data = workflow.staticData;
        if (data.__dataChanged !== true)
            return;
        saved = clone(data);
        saves += 1;
        data.__dataChanged = false;
    }
    async function activate(activation) {
        await (0, run_workflow_1.binaryStore)();
        const candidate = load('trigger', activation);
        const outcome = await poll(candidate).then((output) => ({ output }), (error) => ({ error }));
        if ('error' in outcome) {
            // n8n wraps it in a WorkflowActivationError with this message (active-workflow-triggers.ts).
            const message = `There was a problem activating the workflow: "${outcome.error.message}"`;
            return await Promise.reject(new Error(message, { cause: outcome.error }));
        }
        running = candidate;
        save(candidate.workflow);
        return outcome.output;
    }
    return {
        get saved() {
            return saved;
        },
        get memory() {
            return running?.workflow.staticData;
        },
        get saves() {
            return saves;
        },
        activate: async () => await activate('activate'),
        async tick() {
            if (!running)
                throw new Error('activate() first');
            const output = await poll(running);
            if (output !== null)
                save(running.workflow);
            return output;
        },
        async restart() {
            running = undefined;
            return await activate('init');
        },
        async manual() {
            await (0, run_workflow_1.binaryStore)();
            return await poll(load('manual', 'manual'));
        },
    };
}
//# sourceMappingURL=poll.js.map