"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ROUTES = void 0;
exports.isAuthenticatedArea = isAuthenticatedArea;
const http_1 = require("../http");
const documents_1 = require("./documents");
const fileuploads_1 = require("./fileuploads");
const forms_1 = require("./forms");
const preparedForms_1 = require("./preparedForms");
const referrals_1 = require("./referrals");
const route_1 = require("./route");
const rootRoute = {
    methods: ['GET'],
    pattern: new RegExp(`^${route_1.API_ROOT}?$`),
    auth: 'api',
    handle: (_state, ctx) => (0, http_1.sendJson)(ctx, 200, { status: 'success' }),
};
exports.ROUTES = [
    rootRoute,
    ...forms_1.formRoutes,
    ...referrals_1.referralRoutes,
    ...fileuploads_1.fileuploadRoutes,
    ...documents_1.documentRoutes,
    ...preparedForms_1.preparedFormRoutes,
];
/** Paths that need the API key even when no route matches them (so unknown API paths answer 401 before 404). */
function isAuthenticatedArea(path) {
    return path.startsWith(route_1.API_ROOT) || path === route_1.API_ROOT.slice(0, -1) || path.startsWith('/documents/');
}
//# sourceMappingURL=index.js.map