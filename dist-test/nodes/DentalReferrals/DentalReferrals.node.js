"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.DentalReferrals = void 0;
const n8n_workflow_1 = require("n8n-workflow");
const document = __importStar(require("./actions/document"));
const draft = __importStar(require("./actions/draft"));
const fileUpload = __importStar(require("./actions/fileUpload"));
const form = __importStar(require("./actions/form"));
const referral = __importStar(require("./actions/referral"));
const waitForFiles_operation_1 = require("./actions/referral/waitForFiles.operation");
const router_1 = require("./actions/router");
const api_1 = require("./helpers/api");
const loadOptions_1 = require("./methods/loadOptions");
class DentalReferrals {
    description = {
        displayName: 'Dental Referrals',
        name: 'dentalReferrals',
        icon: {
            light: 'file:../../icons/dentalReferrals.svg',
            dark: 'file:../../icons/dentalReferrals.dark.svg',
        },
        group: ['transform'],
        version: 1,
        subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
        description: 'Prepare referral forms, save drafts, upload files and follow referrals with the Dental Referrals API',
        defaults: { name: 'Dental Referrals' },
        usableAsTool: true,
        inputs: [n8n_workflow_1.NodeConnectionTypes.Main],
        outputs: [n8n_workflow_1.NodeConnectionTypes.Main],
        credentials: [{ name: 'dentalReferralsApi', required: true }],
        // Only the resume URL of Wait for PDFs (a waiting execution); nothing is registered remotely.
        webhooks: waitForFiles_operation_1.waitWebhooks,
        properties: [
            {
                displayName: 'Resource',
                name: 'resource',
                type: 'options',
                noDataExpression: true,
                options: [
                    { name: 'Document', value: 'document' },
                    { name: 'Draft', value: 'draft' },
                    { name: 'File Upload', value: 'fileUpload' },
                    { name: 'Form', value: 'form' },
                    { name: 'Referral', value: 'referral' },
                ],
                default: 'form',
            },
            ...form.description,
            ...draft.description,
            ...referral.description,
            ...fileUpload.description,
            ...document.description,
            api_1.requestOptionsField,
        ],
    };
    methods = { loadOptions: { getFormTypes: loadOptions_1.getFormTypes } };
    async execute() {
        return await router_1.router.call(this);
    }
    async webhook() {
        return await waitForFiles_operation_1.resume.call(this);
    }
}
exports.DentalReferrals = DentalReferrals;
//# sourceMappingURL=DentalReferrals.node.js.map