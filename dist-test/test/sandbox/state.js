"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=state.js.map