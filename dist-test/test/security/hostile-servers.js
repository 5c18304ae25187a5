"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startForeignOrigin = startForeignOrigin;
exports.startCuttingProxy = startCuttingProxy;
const node_http_1 = require("node:http");
/** Starts an http server on loopback and returns its origin and a close function. */
async function listen(server) {
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${server.address().port}`;
    return {
        origin,
        close: async () => {
            server.closeAllConnections();
            await new Promise((resolve) => server.close(() => resolve()));
        },
    };
}
/**
 * "Another origin": a server that records every request it gets (headers and body), and
 * answers like a friendly API would, so that a client following it would look successful.
 */
async function startForeignOrigin() {
    const hits = [];
    const server = (0, node_http_1.createServer)((req, res) => {
        const chunks = [];
        req.on('data', (chunk) => chunks.push(chunk));
        req.on('end', () => {
            hits.push({
                method: req.method ?? '',
                url: req.url ?? '',
                headers: req.headers,
                body: Buffer.concat(chunks).toString('utf8'),
            });
            const pdf = req.url?.includes('.pdf');
            res.writeHead(200, { 'Content-Type': pdf ? 'application/pdf' : 'application/json' });
            res.end(pdf ? '%PDF-1.4 stolen' : '{"status":"success","fileupload_id":1,"urn":"TST0000001"}');
        });
    });
    return { ...(await listen(server)), hits };
}
/**
 * A proxy in front of the sandbox that forwards requests unchanged and cuts the connection
 * after `cutAfterBytes` bytes of a response body whose path matches `cutPath` — a connection
 * dropped mid-download, which the sandbox's own faults (acted out before the answer) cannot do.
 */
async function startCuttingProxy(target, cutPath, cutAfterBytes) {
    const targetUrl = new URL(target);
    let cuts = 0;
    const server = (0, node_http_1.createServer)((req, res) => {
        const upstream = (0, node_http_1.request)({
            host: targetUrl.hostname,
            port: targetUrl.port,
            method: req.method,
            path: req.url,
            headers: { ...req.headers, host: targetUrl.host },
        }, (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            if (!cutPath.test(req.url ?? '')) {
                answer.pipe(res);
                return;
            }
            let sent = 0;
            answer.on('data', (chunk) => {
                if (sent >= cutAfterBytes)
                    return;
                const room = cutAfterBytes - sent;
                sent += chunk.length;
                if (chunk.length < room) {
                    res.write(chunk);
                    return;
                }
                cuts++;
                res.write(chunk.subarray(0, room), () => res.socket?.destroy());
                answer.destroy();
            });
            answer.on('end', () => res.end());
        });
        upstream.on('error', () => res.socket?.destroy());
        req.pipe(upstream);
    });
    const listening = await listen(server);
    return {
        ...listening,
        /** The sandbox base URL as seen through the proxy. */
        baseUrl: target.replace(targetUrl.origin, listening.origin),
        get cuts() {
            return cuts;
        },
    };
}
//# sourceMappingURL=hostile-servers.js.map