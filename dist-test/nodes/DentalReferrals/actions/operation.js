"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.jsonItems = jsonItems;
function jsonItems(data) {
    return (Array.isArray(data) ? data : [data]).map((json) => ({ json }));
}
//# sourceMappingURL=operation.js.map