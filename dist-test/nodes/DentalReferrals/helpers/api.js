"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.requestOptionsField = exports.MAX_PARALLEL_REQUESTS = exports.DEFAULT_PARALLEL_REQUESTS = void 0;
exports.requestTimeoutMs = requestTimeoutMs;
exports.nodeApiRequest = nodeApiRequest;
exports.parallelRequests = parallelRequests;
const transport_1 = require("../../shared/transport");
const input_error_1 = require("./input-error");
const parameters_1 = require("./parameters");
const node_of_1 = require("../../shared/node-of");
/**
 * Parallel Requests: how many items' calls are in flight at once. Chosen from bench/results.md
 * (case prepare-form, 20 ms per request): one at a time leaves the node waiting on the network
 * for most of each item; at 10 the node is close to CPU-bound, so more buys little and only
 * adds load on an API that documents no rate limit. The maximum keeps one node run from
 * opening an unbounded number of connections.
 */
exports.DEFAULT_PARALLEL_REQUESTS = 10;
exports.MAX_PARALLEL_REQUESTS = 20;
/** Node-wide request options, shown for every operation. */
exports.requestOptionsField = {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add Option',
    default: {},
    options: [
        {
            displayName: 'Parallel Requests',
            name: 'parallelRequests',
            type: 'number',
            typeOptions: { minValue: 1, maxValue: exports.MAX_PARALLEL_REQUESTS },
            default: exports.DEFAULT_PARALLEL_REQUESTS,
            description: 'How many items are sent to the API at the same time (at most 20). Output keeps the input order and Continue On Fail still applies per item. 1 sends one item after another.',
        },
        {
            displayName: 'Timeout',
            name: 'timeout',
            type: 'number',
            typeOptions: { minValue: 1 },
            default: 60,
            description: 'Seconds to wait for the API to answer. A large upload or download is not cut off while data is still flowing.',
        },
    ],
};
// Node's timers hold at most 2^31-1 ms; a larger timeout would fire at once.
const MAX_TIMEOUT_SECONDS = 2_147_483;
// The router checks each item's Timeout before sending and the request applies it: one read.
const timeouts = new WeakMap();
function requestTimeoutMs(itemIndex) {
    let known = timeouts.get(this);
    if (!known) {
        known = new Map();
        timeouts.set(this, known);
    }
    let ms = known.get(itemIndex);
    if (ms === undefined) {
        ms = readTimeoutMs.call(this, itemIndex);
        known.set(itemIndex, ms);
    }
    return ms;
}
function readTimeoutMs(itemIndex) {
    const seconds = parameters_1.numberParameter.call(this, 'options.timeout', itemIndex, 'Timeout', transport_1.DEFAULT_TIMEOUT_MS / 1000);
    if (seconds < 0.001 || seconds > MAX_TIMEOUT_SECONDS) {
        throw (0, input_error_1.inputError)((0, node_of_1.nodeOf)(this), itemIndex, 'Timeout', `must be a number of seconds from 0.001 to ${MAX_TIMEOUT_SECONDS}, got ${seconds}`);
    }
    return seconds * 1000;
}
/** An API call from the action node, with the node's Timeout option applied. */
async function nodeApiRequest(call) {
    return await transport_1.apiRequest.call(this, { timeoutMs: requestTimeoutMs.call(this, call.itemIndex), ...call });
}
/** Options → Parallel Requests, for the whole node run (read from the first item). */
function parallelRequests() {
    return parameters_1.wholeNumberParameter.call(this, 'options.parallelRequests', 0, 'Parallel Requests', {
        min: 1,
        max: exports.MAX_PARALLEL_REQUESTS,
        fallback: exports.DEFAULT_PARALLEL_REQUESTS,
    });
}
//# sourceMappingURL=api.js.map