"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DentalReferralsApi = exports.API_ROOTS = exports.CREDENTIAL_TYPE = void 0;
exports.credentialOrigin = credentialOrigin;
exports.CREDENTIAL_TYPE = 'dentalReferralsApi';
/** The vendor's API roots. `custom` points anywhere else (the local sandbox, a mirror). */
exports.API_ROOTS = {
    production: 'https://app.dental-referrals.org/react4r/v2/',
    staging: 'https://staging.dental-referrals.org/react4r/v2/',
};
// Parsing a URL costs more than the rest of authenticate; roots and base URLs repeat.
const knownOrigins = new Map();
function originOf(url) {
    if (knownOrigins.has(url))
        return knownOrigins.get(url);
    let origin;
    try {
        origin = new URL(url).origin;
    }
    catch {
        origin = undefined;
    }
    if (knownOrigins.size < 64)
        knownOrigins.set(url, origin);
    return origin;
}
/** The origin the credential points at (the only one that may see its key), if its root is a URL. */
function credentialOrigin(credentials) {
    const environment = String(credentials.environment ?? 'production');
    const root = environment === 'production' || environment === 'staging'
        ? exports.API_ROOTS[environment]
        : String(credentials.baseUrl ?? '').trim();
    return originOf(root);
}
// A path such as "prepare_form" or "referrals/X?y=1": no scheme, no "//", no backslash and no
// whitespace (which URL parsing would drop), so it cannot leave its base URL's origin.
const PLAIN_RELATIVE_PATH = /^[A-Za-z0-9_][A-Za-z0-9_\-./?=&%+]*$/;
function requestOrigin(options) {
    if (options.baseURL && PLAIN_RELATIVE_PATH.test(options.url))
        return originOf(options.baseURL);
    try {
        return new URL(options.url, options.baseURL).origin;
    }
    catch {
        return undefined;
    }
}
// The credential test resolves the root with the same table the transport uses.
const BASE_URL_EXPRESSION = `={{ $credentials.environment === "production" ? "${exports.API_ROOTS.production}" : $credentials.environment === "staging" ? "${exports.API_ROOTS.staging}" : $credentials.baseUrl }}`;
class DentalReferralsApi {
    name = 'dentalReferralsApi';
    displayName = 'Dental Referrals API';
    icon = { light: 'file:../icons/dentalReferrals.svg', dark: 'file:../icons/dentalReferrals.dark.svg' };
    documentationUrl = 'https://github.com/dental-referrals/n8n-nodes-dental-referrals#credentials';
    properties = [
        {
            displayName: 'Environment',
            name: 'environment',
            type: 'options',
            options: [
                {
                    name: 'Production',
                    value: 'production',
                    description: 'https://app.dental-referrals.org/react4r/v2/',
                },
                {
                    name: 'Staging',
                    value: 'staging',
                    description: 'https://staging.dental-referrals.org/react4r/v2/ — for development',
                },
                {
                    name: 'Custom Base URL',
                    value: 'custom',
                    description: 'Any other API root, such as the local sandbox or a self-hosted mirror',
                },
            ],
            default: 'production',
        },
        {
            displayName: 'Base URL',
            name: 'baseUrl',
            type: 'string',
            default: '',
            placeholder: 'http://127.0.0.1:8787/react4r/v2/',
            description: 'The API root, ending in /react4r/v2/. The API key is only ever sent to this origin.',
            required: true,
            displayOptions: { show: { environment: ['custom'] } },
        },
        {
            displayName: 'API Key',
            name: 'apiKey',
            type: 'string',
            typeOptions: { password: true },
            default: '',
            required: true,
            description: 'The API key of your practice, issued by Dental Referrals (office@dental-referrals.org). Each practice has its own key.',
        },
    ];
    /**
     * Adds `Authorization: Token token=<key>` — to requests for the credential's own origin only.
     * A function rather than a generic `=Token token={{ $credentials.apiKey }}` template: n8n
     * would evaluate that expression for every request (a large part of the per-request cost).
     * The nodes also turn redirects off, keep the key from cross-origin redirects and set
     * allowedDomains to this origin.
     */
    async authenticate(credentials, requestOptions) {
        const origin = credentialOrigin(credentials);
        const target = requestOrigin(requestOptions);
        if (origin === undefined || target !== origin) {
            throw new Error(`The Dental Referrals API key is only sent to the credential’s API root (${origin ?? 'no valid Base URL'}), not to ${target ?? 'this request'}`);
        }
        requestOptions.headers = {
            ...requestOptions.headers,
            Authorization: `Token token=${String(credentials.apiKey ?? '')}`,
        };
        return requestOptions;
    }
    // available_forms is the cheapest authenticated call: a wrong key answers 401.
    test = {
        request: {
            baseURL: BASE_URL_EXPRESSION,
            url: 'available_forms',
            method: 'GET',
            disableFollowRedirect: true,
        },
        rules: [
            {
                type: 'responseCode',
                properties: {
                    value: 401,
                    message: 'The Dental Referrals API rejected the API key. Check the key and the environment.',
                },
            },
        ],
    };
}
exports.DentalReferralsApi = DentalReferralsApi;
//# sourceMappingURL=DentalReferralsApi.credentials.js.map