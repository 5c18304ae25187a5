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
exports.description = exports.operations = void 0;
const get = __importStar(require("./get.operation"));
const getByPatient = __importStar(require("./getByPatient.operation"));
const getMany = __importStar(require("./getMany.operation"));
const waitForFiles = __importStar(require("./waitForFiles.operation"));
exports.operations = { get, getMany, getByPatient, waitForFiles };
exports.description = [
    {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: { show: { resource: ['referral'] } },
        options: [
            {
                name: 'Get by Patient',
                value: 'getByPatient',
                description: "Get the status of a patient's recent referrals, by PTGUID",
                action: 'Get referrals by patient',
            },
            {
                name: 'Get Recent',
                value: 'getMany',
                description: 'Get the status of up to 100 recently submitted referrals',
                action: 'Get recent referrals',
            },
            {
                name: 'Get Status',
                value: 'get',
                description: 'Get the status of one referral, by URN',
                action: 'Get the status of a referral',
            },
            {
                name: 'Wait for PDFs',
                value: 'waitForFiles',
                description: 'Pause this execution until the referral is submitted and its PDFs are ready',
                action: 'Wait for the referral files',
            },
        ],
        default: 'get',
    },
    ...get.description,
    ...getMany.description,
    ...getByPatient.description,
    ...waitForFiles.description,
];
//# sourceMappingURL=index.js.map