"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LOOPBACK = void 0;
exports.freePort = freePort;
exports.assertPortFree = assertPortFree;
exports.choosePort = choosePort;
/** Loopback port helpers: pick a free port, or fail clearly when a chosen one is taken. */
const node_net_1 = require("node:net");
exports.LOOPBACK = '127.0.0.1';
function tryListen(port, host) {
    return new Promise((resolve, reject) => {
        const server = (0, node_net_1.createServer)();
        server.unref();
        server.once('error', reject);
        server.listen({ port, host, exclusive: true }, () => {
            const address = server.address();
            const bound = typeof address === 'object' && address ? address.port : port;
            server.close(() => resolve(bound));
        });
    });
}
/** A port that was free a moment ago (the OS picks it). */
function freePort(host = exports.LOOPBACK) {
    return tryListen(0, host);
}
/** Throws a readable error when `port` cannot be bound on `host`. */
async function assertPortFree(port, host, what) {
    const error = await tryListen(port, host).then(() => undefined, (failure) => failure);
    if (!error)
        return;
    if (error.code === 'EADDRINUSE') {
        throw new Error(`${what}: port ${port} on ${host} is already in use (stop whatever listens there or choose another port)`);
    }
    throw new Error(`${what}: cannot listen on ${host}:${port} (${error.code ?? error.message})`);
}
/** `port` if given (checked free), else a free one. */
async function choosePort(port, host, what) {
    if (port === undefined || port === 0)
        return freePort(host);
    await assertPortFree(port, host, what);
    return port;
}
//# sourceMappingURL=ports.js.map