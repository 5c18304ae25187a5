"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=memory-job.js.map