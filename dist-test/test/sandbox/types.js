"use strict";
// Public types of the sandbox. Other code (node tests, e2e, benchmarks) relies on these names.
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=types.js.map