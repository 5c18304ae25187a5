"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.WebhookDispatcher = exports.RETRY_DELAYS_MS = void 0;
// files-ready webhook delivery: POST {"urn","files"} as JSON; on a non-200 answer or a network
// error, retry 3 more times after 1 h, 4 h and 1 day (as documented), scaled by webhookTimeScale.
const node_http_1 = __importDefault(require("node:http"));
const node_https_1 = __importDefault(require("node:https"));
const HOUR_MS = 60 * 60 * 1000;
exports.RETRY_DELAYS_MS = [HOUR_MS, 4 * HOUR_MS, 24 * HOUR_MS];
class WebhookDispatcher {
    attempts;
    timeScale;
    timeoutMs;
    timers = new Set();
    inFlight = new Set();
    closed = false;
    constructor(attempts, timeScale, timeoutMs) {
        this.attempts = attempts;
        this.timeScale = timeScale;
        this.timeoutMs = timeoutMs;
    }
    /** Starts delivery in the background; never blocks the caller. */
    deliver(urn, url, files) {
        this.schedule(urn, url, JSON.stringify({ urn, files }), 1, 0);
    }
    /** Cancels pending retries and aborts deliveries under way. */
    close() {
        this.closed = true;
        for (const timer of this.timers)
            clearTimeout(timer);
        this.timers.clear();
        for (const request of this.inFlight)
            request.destroy();
        this.inFlight.clear();
    }
    schedule(urn, url, payload, attempt, delayMs) {
        if (this.closed)
            return;
        const timer = setTimeout(() => {
            this.timers.delete(timer);
            void this.attempt(urn, url, payload, attempt);
        }, delayMs);
        this.timers.add(timer);
    }
    async attempt(urn, url, payload, attempt) {
        const at = Date.now();
        const result = await this.post(url, payload);
        if (this.closed)
            return;
        this.attempts.push({ urn, url, attempt, at, durationMs: Date.now() - at, ...result });
        if (result.status !== 200 && attempt <= exports.RETRY_DELAYS_MS.length) {
            this.schedule(urn, url, payload, attempt + 1, exports.RETRY_DELAYS_MS[attempt - 1] * this.timeScale);
        }
    }
    post(url, payload) {
        return new Promise((resolve) => {
            let settled = false;
            const finish = (result) => {
                if (settled)
                    return;
                settled = true;
                this.inFlight.delete(request);
                resolve(result);
            };
            const target = new URL(url);
            const client = target.protocol === 'https:' ? node_https_1.default : node_http_1.default;
            // agent: false: no keep-alive socket outlives the delivery (close() leaves nothing open).
            const request = client.request(target, {
                method: 'POST',
                agent: false,
                headers: {
                    'Content-Type': 'application/json',
                    'Content-Length': String(Buffer.byteLength(payload)),
                    'User-Agent': 'DentalReferralsSandbox/1.0 (files-ready webhook)',
                    Connection: 'close',
                },
            });
            this.inFlight.add(request);
            request.setTimeout(this.timeoutMs, () => request.destroy(new Error(`timed out after ${this.timeoutMs} ms`)));
            request.on('response', (response) => {
                response.resume();
                response.on('end', () => finish({ status: response.statusCode }));
                response.on('error', () => finish({ status: response.statusCode }));
            });
            request.on('error', (error) => finish({ error: error.message }));
            request.on('close', () => finish({ error: 'connection closed before an answer' }));
            request.end(payload);
        });
    }
}
exports.WebhookDispatcher = WebhookDispatcher;
//# sourceMappingURL=webhooks.js.map