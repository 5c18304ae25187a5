"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.nodeOf = nodeOf;
// n8n's getNode() returns a deep copy of the node on every call; a node run asks for it per
// item and per parameter (for error messages), so each context copies it once.
const nodes = new WeakMap();
/** The node of an n8n context (one copy per node run). */
function nodeOf(context) {
    let node = nodes.get(context);
    if (!node) {
        node = context.getNode();
        nodes.set(context, node);
    }
    return node;
}
//# sourceMappingURL=node-of.js.map