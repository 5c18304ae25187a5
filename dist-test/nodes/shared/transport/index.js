"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_TIMEOUT_MS = exports.apiRequest = exports.storeDocument = exports.checkDocumentUrl = exports.apiRootFromCredential = exports.apiRoot = exports.apiCredential = void 0;
/** The one module that talks HTTP to the Dental Referrals API: base URL, auth, errors, streaming. */
var api_root_1 = require("./api-root");
Object.defineProperty(exports, "apiCredential", { enumerable: true, get: function () { return api_root_1.apiCredential; } });
Object.defineProperty(exports, "apiRoot", { enumerable: true, get: function () { return api_root_1.apiRoot; } });
Object.defineProperty(exports, "apiRootFromCredential", { enumerable: true, get: function () { return api_root_1.apiRootFromCredential; } });
var documents_1 = require("./documents");
Object.defineProperty(exports, "checkDocumentUrl", { enumerable: true, get: function () { return documents_1.checkDocumentUrl; } });
Object.defineProperty(exports, "storeDocument", { enumerable: true, get: function () { return documents_1.storeDocument; } });
var request_1 = require("./request");
Object.defineProperty(exports, "apiRequest", { enumerable: true, get: function () { return request_1.apiRequest; } });
Object.defineProperty(exports, "DEFAULT_TIMEOUT_MS", { enumerable: true, get: function () { return request_1.DEFAULT_TIMEOUT_MS; } });
//# sourceMappingURL=index.js.map