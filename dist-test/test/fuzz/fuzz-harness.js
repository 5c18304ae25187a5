"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.fieldPattern = exports.sha256 = void 0;
exports.fuzzOperation = fuzzOperation;
exports.check = check;
exports.exampleOf = exampleOf;
const node_crypto_1 = require("node:crypto");
const fast_check_1 = __importDefault(require("fast-check"));
const n8n_workflow_1 = require("n8n-workflow");
const run_workflow_1 = require("../harness/run-workflow");
const sandbox_workflow_1 = require("../harness/sandbox-workflow");
const arbitraries_1 = require("./arbitraries");
const sha256 = (text) => (0, node_crypto_1.createHash)('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
exports.sha256 = sha256;
/**
 * Test fixture standing in for an upstream node (Read Files, a Code node…) that hands the
 * Dental Referrals node binaries with odd metadata: the bytes go into n8n's real binary store,
 * then fileName / mimeType / fileExtension are overwritten (or removed) as generated.
 */
class FuzzBinaries {
    description = {
        displayName: 'Fuzz Binaries',
        name: 'fuzzBinaries',
        group: ['transform'],
        version: 1,
        description: 'Test fixture: attaches generated binaries',
        defaults: { name: 'Fuzz Binaries' },
        inputs: [n8n_workflow_1.NodeConnectionTypes.Main],
        outputs: [n8n_workflow_1.NodeConnectionTypes.Main],
        usableAsTool: true,
        properties: [],
    };
    async execute() {
        const output = [];
        for (const item of this.getInputData()) {
            const files = (item.json.__files ?? []);
            const binary = {};
            for (const file of files) {
                const data = await this.helpers.prepareBinaryData(Buffer.from(file.content, file.encoding ?? 'utf8'), 'file.bin');
                const record = data;
                for (const key of ['fileName', 'mimeType', 'fileExtension']) {
                    if (key in file.meta)
                        record[key] = file.meta[key];
                    else
                        delete record[key];
                }
                binary[file.property] = data;
            }
            output.push({ json: item.json, ...(files.length ? { binary } : {}) });
        }
        return [output];
    }
}
(0, run_workflow_1.registerNodeType)('fuzz.binaries', new FuzzBinaries());
const CHUNK = 2_500;
const NETWORK_FAILURE = 'Could not reach the Dental Referrals API';
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** Generates `count` inputs (fixed seed), runs them as the items of ONE workflow with Continue On Fail, pairs outcomes. */
async function fuzzOperation(sandbox, spec) {
    const inputs = fast_check_1.default.sample(spec.arbitrary, { seed: spec.seed, numRuns: spec.count });
    const delivered = inputs.map((input, index) => (0, arbitraries_1.asDelivered)(spec.item(input, index)));
    const credentials = (0, sandbox_workflow_1.sandboxCredential)(sandbox);
    const outcomes = [];
    let requestCount = 0;
    const started = Date.now();
    // Requests are paired with inputs in arrival order below, so items are sent one at a time
    // (Parallel Requests 1); the order of concurrent requests is tested in test/node.
    const options = spec.parameters.options;
    const parameters = {
        ...spec.parameters,
        options: { parallelRequests: 1, ...(options && typeof options === 'object' ? options : {}) },
    };
    // A few workflows of CHUNK items each: the engine's per-item cost grows with the item count.
    for (let offset = 0; offset < inputs.length; offset += CHUNK) {
        const chunk = inputs.slice(offset, offset + CHUNK);
        const files = spec.files ? chunk.map((input, index) => spec.files(input, offset + index)) : undefined;
        const items = delivered
            .slice(offset, offset + CHUNK)
            .map((json, index) => (files ? { ...json, __files: files[index] } : json));
        sandbox.clearRequests();
        const result = await (0, run_workflow_1.runWorkflow)({
            items,
            nodes: [
                ...(files ? [{ name: 'Fuzz Binaries', type: 'fuzz.binaries', parameters: {} }] : []),
                (0, sandbox_workflow_1.dentalReferrals)(parameters, { continueOnFail: true }),
            ],
            credentials,
        });
        (0, sandbox_workflow_1.assertNoSecret)(result, String(credentials.apiKey));
        // Property: Continue On Fail is honoured, whatever the input: the execution never fails.
        if (result.error) {
            throw new Error(`${spec.label}: the execution failed: ${result.error.message}\n${result.error.stack ?? ''}`);
        }
        const local = chunk.map((input, index) => ({
            index: offset + index,
            itemIndex: index,
            input,
            outputs: [],
            refused: false,
            requests: [],
        }));
        for (const output of result.output('Dental Referrals')) {
            const paired = output.pairedItem;
            const index = paired?.item;
            if (typeof index !== 'number' || !local[index]) {
                throw new Error(`${spec.label}: an output item is not paired to an input: ${JSON.stringify(output.pairedItem)}`);
            }
            local[index].outputs.push(output);
            if (output.json.error !== undefined) {
                const error = output.json;
                local[index].error = error;
                // A network failure has no HTTP code either, but it happened after sending.
                local[index].refused =
                    error.httpCode === undefined && !String(error.error).startsWith(NETWORK_FAILURE);
            }
        }
        // Pair the operation's requests with the inputs that were not refused, in order.
        const own = sandbox.requests.filter((request) => spec.isOwnRequest(request));
        let next = 0;
        for (const outcome of local) {
            if (outcome.refused)
                continue;
            while (next < own.length && spec.claims(outcome.input, own[next], outcome.requests.length)) {
                outcome.requests.push(own[next++]);
            }
        }
        if (next !== own.length) {
            const request = own[next];
            throw new Error(`${spec.label} (seed ${spec.seed}): request #${next} of workflow ${offset / CHUNK} (${request.method} ${request.path} ${JSON.stringify(request.query).slice(0, 200)} ${JSON.stringify(request.form ?? {}).slice(0, 300)}) belongs to no input that was accepted`);
        }
        requestCount += own.length;
        outcomes.push(...local);
    }
    const ms = Date.now() - started;
    const problems = [];
    const fail = (outcome, problem) => {
        if (problems.length < 10) {
            problems.push(`item ${outcome.index}: ${problem}\n  input: ${JSON.stringify(delivered[outcome.index]).slice(0, 400)}\n  error: ${JSON.stringify(outcome.error)?.slice(0, 400)}`);
        }
    };
    const strict = new RegExp(`^(${spec.fields.map(escapeRegExp).join('|')}): .+ \\(item index (\\d+)\\)$`, 's');
    const loose = spec.looseFields?.length
        ? new RegExp(`^(${spec.looseFields.map(escapeRegExp).join('|')}) .+ \\(item index (\\d+)\\)$`, 's')
        : undefined;
    for (const outcome of outcomes) {
        const { itemIndex: index, error } = outcome;
        // Property: no request for a refused input; at least one for an accepted one.
        if (outcome.refused && outcome.requests.length)
            fail(outcome, 'refused, yet a request was sent');
        const lostInTransit = Boolean(error &&
            !outcome.refused &&
            (spec.networkErrorAllowed?.(outcome.input) || spec.unrecordedAllowed?.(outcome)));
        if (!outcome.refused && outcome.requests.length === 0 && !lostInTransit)
            fail(outcome, 'accepted, yet no request was sent');
        if (error) {
            if (typeof error.error !== 'string' || error.error.trim() === '')
                fail(outcome, 'an error without a message');
            if (outcome.refused) {
                // Property: a refusal names the field and the item, in the input-error format.
                const match = strict.exec(error.error) ?? loose?.exec(error.error);
                if (!match)
                    fail(outcome, 'a refusal whose message does not name a field and the item');
                else if (Number(match[2]) !== index)
                    fail(outcome, `the message names item ${match[2]}`);
            }
            else if (!/^\d{3}$/.test(String(error.httpCode)) && !spec.networkErrorAllowed?.(outcome.input)) {
                fail(outcome, 'an API error without an HTTP status');
            }
        }
        else if (outcome.outputs.some((output) => output.json.error !== undefined)) {
            fail(outcome, 'an error item that is not the only outcome');
        }
        const verdict = spec.mustRefuse?.(outcome.input);
        if (verdict === true && !outcome.refused)
            fail(outcome, 'must be refused before sending, but was not');
        if (verdict === false && outcome.refused)
            fail(outcome, 'must be accepted, but was refused');
        try {
            if (outcome.refused)
                spec.checkRefused?.(outcome);
            else
                spec.checkSent?.(outcome);
        }
        catch (problem) {
            fail(outcome, problem.message);
        }
    }
    const report = {
        outcomes,
        ms,
        refused: outcomes.filter((outcome) => outcome.refused).length,
        sent: outcomes.filter((outcome) => !outcome.refused).length,
        apiErrors: outcomes.filter((outcome) => outcome.error && !outcome.refused).length,
        requests: requestCount,
    };
    console.log(`[fuzz] ${spec.label}: seed=${spec.seed} inputs=${spec.count} refused=${report.refused} accepted=${report.sent} ` +
        `(api errors ${report.apiErrors}) requests=${report.requests} in ${ms} ms`);
    if (spec.minAccepted !== undefined && report.sent < spec.minAccepted) {
        problems.push(`only ${report.sent} inputs were accepted, fewer than ${spec.minAccepted}`);
    }
    if (problems.length)
        throw new Error(`${spec.label} (seed ${spec.seed}):\n${problems.join('\n')}`);
    return report;
}
/** Throws with `message` unless `condition`. */
function check(condition, message) {
    if (!condition)
        throw new Error(message);
}
function exampleOf(report, predicate) {
    return report.outcomes.find(predicate);
}
exports.fieldPattern = escapeRegExp;
//# sourceMappingURL=fuzz-harness.js.map