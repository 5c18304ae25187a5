"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NOT_AUTHORIZED_MESSAGE = void 0;
exports.authenticate = authenticate;
/** The documented 401 message, word for word. */
exports.NOT_AUTHORIZED_MESSAGE = 'Not Authorized. Check that you are providing a valid API key and that you have access to requested resource.';
const TOKEN_HEADER = /^Token token=([^\s]+)$/;
/**
 * The practice a request authenticates as, or undefined.
 *
 * Any request that carries the v1 `api_key` query parameter is refused, even alongside a valid
 * header: v2 dropped it, and a client that still puts the key in URLs leaks it into logs and
 * proxies, which an integrator wants to learn from the sandbox rather than from production.
 */
function authenticate(headers, query, store) {
    if (query.has('api_key'))
        return undefined;
    const header = headers.authorization;
    if (typeof header !== 'string')
        return undefined;
    const match = TOKEN_HEADER.exec(header);
    return match ? store.practice(match[1]) : undefined;
}
//# sourceMappingURL=auth.js.map