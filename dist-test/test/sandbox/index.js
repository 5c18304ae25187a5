"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RETRY_DELAYS_MS = exports.NOT_AUTHORIZED_MESSAGE = exports.DEMO_PRACTICES = exports.startSandbox = void 0;
// The Dental Referrals API sandbox: a local stand-in for the real API, for tests, demos, e2e runs
// and benchmarks. See /work/shared/design/sandbox.md.
var server_1 = require("./server");
Object.defineProperty(exports, "startSandbox", { enumerable: true, get: function () { return server_1.startSandbox; } });
var practices_1 = require("./practices");
Object.defineProperty(exports, "DEMO_PRACTICES", { enumerable: true, get: function () { return practices_1.DEMO_PRACTICES; } });
var auth_1 = require("./auth");
Object.defineProperty(exports, "NOT_AUTHORIZED_MESSAGE", { enumerable: true, get: function () { return auth_1.NOT_AUTHORIZED_MESSAGE; } });
var webhooks_1 = require("./webhooks");
Object.defineProperty(exports, "RETRY_DELAYS_MS", { enumerable: true, get: function () { return webhooks_1.RETRY_DELAYS_MS; } });
//# sourceMappingURL=index.js.map