"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TestCredentialsHelper = void 0;
exports.credentialType = credentialType;
const n8n_workflow_1 = require("n8n-workflow");
const DentalReferralsApi_credentials_1 = require("../../credentials/DentalReferralsApi.credentials");
const credentialTypes = {
    dentalReferralsApi: new DentalReferralsApi_credentials_1.DentalReferralsApi(),
};
/**
 * Stands in for n8n's database-backed credentials store: credentials are looked up by id
 * in a plain map. Authentication is NOT faked: it applies the credential type's own
 * `authenticate` as n8n's CLI CredentialsHelper does: a function is called with the
 * credentials and the request; a `generic` definition has its expressions resolved with
 * n8n's expression engine.
 */
class TestCredentialsHelper extends n8n_workflow_1.ICredentialsHelper {
    byId;
    constructor(byId) {
        super();
        this.byId = byId;
    }
    getParentTypes() {
        return [];
    }
    isCredentialUsableByNode() {
        return true;
    }
    async authenticate(credentials, typeName, requestOptions, workflow, node) {
        const type = credentialTypes[typeName];
        const authenticate = type?.authenticate;
        // A function is called as n8n's CredentialsHelper calls it: (credentials, requestOptions).
        if (typeof authenticate === 'function') {
            return await authenticate.call(type, credentials, requestOptions);
        }
        if (!authenticate || authenticate.type !== 'generic') {
            throw new Error(`Test credentials helper: no generic authenticate for ${typeName}`);
        }
        const resolve = (value) => value.startsWith('=') && workflow && node
            ? String(workflow.expression.getSimpleParameterValue(node, value, 'internal', {
                $credentials: credentials,
            }))
            : value;
        const options = requestOptions;
        for (const [section, entries] of Object.entries(authenticate.properties)) {
            const target = (options[section] ??= {});
            for (const [key, value] of Object.entries(entries)) {
                target[resolve(key)] = resolve(value);
            }
        }
        return options;
    }
    async preAuthentication() {
        return undefined;
    }
    async runPreAuthentication() {
        return undefined;
    }
    async getCredentials() {
        throw new Error('Test credentials helper: getCredentials is not supported');
    }
    async getDecrypted(_additionalData, details) {
        const data = details.id ? this.byId[details.id] : undefined;
        if (!data)
            throw new Error(`Test credentials helper: unknown credential id ${String(details.id)}`);
        return { ...data };
    }
    async updateCredentials() { }
    async updateCredentialsOauthTokenData() { }
    getCredentialsProperties(type) {
        return credentialTypes[type]?.properties ?? [];
    }
}
exports.TestCredentialsHelper = TestCredentialsHelper;
function credentialType(name) {
    return credentialTypes[name];
}
//# sourceMappingURL=credentials-helper.js.map