"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CREDENTIAL_ID = exports.PACKAGE = void 0;
exports.registerNodeType = registerNodeType;
exports.instanceId = instanceId;
exports.binaryStore = binaryStore;
exports.readBinary = readBinary;
exports.buildWorkflow = buildWorkflow;
exports.runResult = runResult;
exports.runWorkflow = runWorkflow;
const di_1 = require("@n8n/di");
const n8n_core_1 = require("n8n-core");
const n8n_workflow_1 = require("n8n-workflow");
const DentalReferrals_node_1 = require("../../nodes/DentalReferrals/DentalReferrals.node");
const DentalReferralsTrigger_node_1 = require("../../nodes/DentalReferralsTrigger/DentalReferralsTrigger.node");
const credentials_helper_1 = require("./credentials-helper");
const start_node_1 = require("./start-node");
exports.PACKAGE = 'n8n-nodes-dental-referrals';
const nodeTypeClasses = {
    [`${exports.PACKAGE}.dentalReferrals`]: new DentalReferrals_node_1.DentalReferrals(),
    [`${exports.PACKAGE}.dentalReferralsTrigger`]: new DentalReferralsTrigger_node_1.DentalReferralsTrigger(),
    'harness.start': new start_node_1.HarnessStart(),
};
function registerNodeType(name, type) {
    nodeTypeClasses[name] = type;
}
const nodeTypes = {
    getByName: (name) => nodeTypeClasses[name],
    getByNameAndVersion: (name, version) => n8n_workflow_1.NodeHelpers.getVersionedNodeType(nodeTypeClasses[name], version),
    getKnownTypes: () => ({}),
};
/** This n8n "instance"'s id (n8n-core's InstanceSettings), which the trigger's URL token is keyed with. */
function instanceId() {
    return di_1.Container.get(n8n_core_1.InstanceSettings).instanceId;
}
let binaryStoreReady;
/** n8n 2.x keeps binaries in a store; tests use the filesystem mode under N8N_USER_FOLDER. */
async function binaryStore() {
    const service = di_1.Container.get(n8n_core_1.BinaryDataService);
    binaryStoreReady ??= service.init();
    await binaryStoreReady;
    return service;
}
async function readBinary(binary) {
    return await (await binaryStore()).getAsBuffer(binary);
}
exports.CREDENTIAL_ID = 'dental-referrals-test';
function toNode(node, id, position) {
    return {
        id,
        name: node.name,
        type: node.type,
        typeVersion: 1,
        position: [200 * position, 0],
        parameters: node.parameters,
        continueOnFail: node.continueOnFail,
        webhookId: node.webhookId,
        ...node.settings,
        credentials: node.credentials ?? {
            dentalReferralsApi: { id: exports.CREDENTIAL_ID, name: 'Dental Referrals (sandbox)' },
        },
    };
}
function chain(connections, names) {
    for (let i = 1; i < names.length; i++) {
        connections[names[i - 1]] = { main: [[{ node: names[i], type: 'main', index: 0 }]] };
    }
}
/** Everything n8n's engine needs for the workflow: the Workflow, its stored form and the additional data. */
function buildWorkflow(spec) {
    const start = {
        id: 'start',
        name: 'Start',
        type: 'harness.start',
        typeVersion: 1,
        position: [0, 0],
        parameters: { items: JSON.stringify(spec.items ?? [{}]), files: JSON.stringify(spec.files ?? []) },
    };
    const nodes = [
        start,
        ...spec.nodes.map((node, index) => toNode(node, `node-${index}`, index + 1)),
    ];
    const connections = {};
    chain(connections, nodes.map((node) => node.name));
    if (spec.trigger) {
        const triggerNodes = [spec.trigger, ...(spec.triggerDownstream ?? [])].map((node, index) => toNode(node, `trigger-${index}`, index));
        nodes.push(...triggerNodes);
        chain(connections, triggerNodes.map((node) => node.name));
    }
    const workflowData = {
        id: spec.workflowId ?? 'wf-test',
        name: 'test',
        active: false,
        isArchived: false,
        nodes,
        connections,
        settings: {},
        staticData: spec.staticData,
        createdAt: new Date(),
        updatedAt: new Date(),
        activeVersionId: null,
    };
    const workflow = new n8n_workflow_1.Workflow({
        id: workflowData.id,
        name: workflowData.name,
        nodes,
        connections,
        active: false,
        nodeTypes,
        settings: {},
        staticData: spec.staticData,
    });
    const executionId = spec.executionId ?? String(Math.floor(Math.random() * 1e9));
    const webhookBaseUrl = spec.webhookBaseUrl ?? 'http://127.0.0.1:5678';
    const additionalData = {
        credentialsHelper: new credentials_helper_1.TestCredentialsHelper({ [exports.CREDENTIAL_ID]: spec.credentials }),
        hooks: new n8n_core_1.ExecutionLifecycleHooks('manual', executionId, workflowData),
        executionId,
        currentNodeExecutionIndex: 0,
        variables: {},
        restApiUrl: `${webhookBaseUrl}/rest`,
        instanceBaseUrl: webhookBaseUrl,
        webhookBaseUrl: `${webhookBaseUrl}/webhook`,
        webhookTestBaseUrl: `${webhookBaseUrl}/webhook-test`,
        webhookWaitingBaseUrl: `${webhookBaseUrl}/webhook-waiting`,
        formBaseUrl: `${webhookBaseUrl}/form`,
        formTestBaseUrl: `${webhookBaseUrl}/form-test`,
        formWaitingBaseUrl: `${webhookBaseUrl}/form-waiting`,
        mcpBaseUrl: `${webhookBaseUrl}/mcp`,
        mcpTestBaseUrl: `${webhookBaseUrl}/mcp-test`,
        logAiEvent: () => { },
    };
    return { workflow, workflowData, additionalData, start, executionId };
}
function runResult(run) {
    return {
        run,
        error: run.data.resultData.error,
        output(nodeName) {
            return run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? [];
        },
    };
}
/** Runs a workflow from Start through n8n's real engine (n8n-core WorkflowExecute), in manual mode. */
async function runWorkflow(spec) {
    await binaryStore();
    const { workflow, additionalData, start } = buildWorkflow(spec);
    return runResult(await new n8n_core_1.WorkflowExecute(additionalData, 'manual').run({ workflow, startNode: start }));
}
//# sourceMappingURL=run-workflow.js.map