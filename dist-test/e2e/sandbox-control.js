"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SandboxControl = void 0;
class SandboxControl {
    origin;
    constructor(origin) {
        this.origin = origin;
    }
    async call(method, action, body) {
        const response = await fetch(`${this.origin}/__sandbox/${action}`, {
            method,
            headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body),
            signal: AbortSignal.timeout(15_000),
        });
        const text = await response.text();
        if (!response.ok)
            throw new Error(`sandbox ${method} ${action}: HTTP ${response.status} ${text}`);
        return (text ? JSON.parse(text) : undefined);
    }
    submit(urn) {
        return this.call('POST', 'submit', { urn });
    }
    setStatus(urn, status) {
        return this.call('POST', 'status', { urn, status });
    }
    /** Issues the practice a new key; the old one is refused from then on. */
    async rotateKey(apiKey) {
        return (await this.call('POST', 'rotate-key', { apiKey })).apiKey;
    }
    addFault(fault) {
        return this.call('POST', 'faults', fault);
    }
    requests() {
        return this.call('GET', 'requests');
    }
    clearRequests() {
        return this.call('DELETE', 'requests');
    }
    webhookAttempts() {
        return this.call('GET', 'webhook-attempts');
    }
}
exports.SandboxControl = SandboxControl;
//# sourceMappingURL=sandbox-control.js.map