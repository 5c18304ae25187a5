"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.urns = urns;
exports.deliverAll = deliverAll;
exports.notificationFigures = notificationFigures;
/** Fires files-ready notifications all at once, as many API deliveries arriving together, and times each answer. */
const node_http_1 = __importDefault(require("node:http"));
const measure_1 = require("./measure");
const raw_http_1 = require("./raw-http");
function urns(count, prefix) {
    return Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(7, '0')}`);
}
async function deliverAll(url, urnList, fileOrigin) {
    const agent = new node_http_1.default.Agent({ keepAlive: false, maxSockets: Infinity });
    try {
        return await Promise.all(urnList.map(async (urn) => {
            const body = Buffer.from(JSON.stringify({ urn, files: [`${fileOrigin}/documents/${urn}/${urn}_Form.pdf`] }));
            const started = (0, measure_1.nowMs)();
            const answer = await (0, raw_http_1.rawRequest)(url, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) },
                body,
                agent,
            }).catch((error) => ({ status: 0, body: Buffer.from(error.message) }));
            return { urn, status: answer.status, ms: (0, measure_1.nowMs)() - started };
        }));
    }
    finally {
        agent.destroy();
    }
}
/** The figures every notification case reports; `emitted` = URNs that became executions. */
function notificationFigures(deliveries, emitted) {
    const sent = new Set(deliveries.map((delivery) => delivery.urn));
    const seen = new Set(emitted.filter((urn) => sent.has(urn)));
    const ms = deliveries.map((delivery) => delivery.ms);
    return {
        notifications: deliveries.length,
        answered_200: deliveries.filter((delivery) => delivery.status === 200).length,
        executions_with_urn: seen.size,
        lost: sent.size - seen.size,
        duplicated: emitted.length - seen.size,
        ack_p50_ms: Number((0, measure_1.percentile)(ms, 50).toFixed(1)),
        ack_p99_ms: Number((0, measure_1.percentile)(ms, 99).toFixed(1)),
        ack_max_ms: Number(Math.max(...ms).toFixed(1)),
    };
}
//# sourceMappingURL=notifications.js.map