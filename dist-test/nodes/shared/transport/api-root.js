"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.apiRootFromCredential = apiRootFromCredential;
exports.apiCredential = apiCredential;
exports.apiRoot = apiRoot;
const n8n_workflow_1 = require("n8n-workflow");
const DentalReferralsApi_credentials_1 = require("../../../credentials/DentalReferralsApi.credentials");
const node_of_1 = require("../node-of");
function apiRootFromCredential(node, credential) {
    const environment = String(credential.environment ?? 'production');
    const configured = environment === 'production' || environment === 'staging'
        ? DentalReferralsApi_credentials_1.API_ROOTS[environment]
        : String(credential.baseUrl ?? '').trim();
    let url;
    try {
        url = new URL(configured);
    }
    catch {
        throw new n8n_workflow_1.NodeOperationError(node, 'The Dental Referrals API credential has no valid Base URL', {
            description: 'Set Base URL to the API root, e.g. http://127.0.0.1:8787/react4r/v2/',
        });
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new n8n_workflow_1.NodeOperationError(node, 'The credential Base URL must start with http:// or https://');
    }
    // A root without the trailing slash would make relative endpoints replace its last segment.
    const baseUrl = url.href.endsWith('/') ? url.href : `${url.href}/`;
    return { baseUrl, origin: url.origin, host: url.host, hostname: url.hostname };
}
// One read (and decryption) of the credential per node run, shared by all its items and
// handed to n8n's request helper, which would otherwise read it again for every request.
const credentials = new WeakMap();
async function apiCredential(itemIndex) {
    let credential = credentials.get(this);
    if (!credential) {
        credential = this.getCredentials(DentalReferralsApi_credentials_1.CREDENTIAL_TYPE, itemIndex).then((data) => ({
            root: apiRootFromCredential((0, node_of_1.nodeOf)(this), data),
            data,
        }));
        credentials.set(this, credential);
    }
    return await credential;
}
async function apiRoot(itemIndex) {
    return (await apiCredential.call(this, itemIndex)).root;
}
//# sourceMappingURL=api-root.js.map