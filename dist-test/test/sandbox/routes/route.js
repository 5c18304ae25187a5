"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.API_ROOT = void 0;
exports.API_ROOT = '/react4r/v2/';
//# sourceMappingURL=route.js.map