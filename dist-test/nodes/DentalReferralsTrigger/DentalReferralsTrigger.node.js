"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DentalReferralsTrigger = void 0;
const n8n_workflow_1 = require("n8n-workflow");
const DentalReferralsApi_credentials_1 = require("../../credentials/DentalReferralsApi.credentials");
const deliveries_1 = require("../shared/deliveries");
const transport_1 = require("../shared/transport");
const trigger_url_1 = require("../shared/trigger-url");
const webhook_answers_1 = require("../shared/webhook-answers");
const delivered_1 = require("./delivered");
/**
 * The current token costs nothing to check; only a call that does not carry it pays for the
 * credential read that the token of versions up to 0.1.0 (keyed with the API key) needs.
 */
async function tokenAccepted(workflowId, given) {
    if ((0, trigger_url_1.tokenMatches)((0, trigger_url_1.triggerToken)(this.getInstanceId(), workflowId), given))
        return true;
    if (typeof given !== 'string' || given === '')
        return false;
    const credential = await this.getCredentials(DentalReferralsApi_credentials_1.CREDENTIAL_TYPE);
    return (0, trigger_url_1.tokenMatches)((0, trigger_url_1.legacyTriggerToken)(String(credential.apiKey ?? ''), workflowId), given);
}
/** Confirms the URN under the same key; undefined when it is known. */
async function verifyReferral(urn) {
    try {
        await transport_1.apiRequest.call(this, {
            method: 'GET',
            endpoint: 'referral_status',
            qs: { urn },
            notFound: `Referral ${urn}`,
        });
        return undefined;
    }
    catch (error) {
        if (error.httpCode === '404') {
            return { ok: false, status: 404, message: `Unknown referral ${urn}` };
        }
        // Not the caller's fault: a non-200 makes the API retry later (1 h, 4 h, 1 day).
        return {
            ok: false,
            status: 503,
            message: `Could not verify referral ${urn} now: ${error.message}`,
        };
    }
}
/** The item to emit, after the optional verification and downloads. Never throws. */
async function emission({ urn, files }, options) {
    if (options.verifyReferral) {
        const refusal = await verifyReferral.call(this, urn);
        if (refusal)
            return refusal;
    }
    if (!options.downloadFiles)
        return { ok: true, item: { json: { urn, files } } };
    const pdfs = await webhook_answers_1.fetchNotifiedPdfs.call(this, urn, files);
    if (!pdfs.ok)
        return pdfs;
    return { ok: true, item: { json: { urn, files }, binary: pdfs.binary } };
}
const DUPLICATE = 'Duplicate notification ignored';
class DentalReferralsTrigger {
    description = {
        displayName: 'Dental Referrals Trigger',
        name: 'dentalReferralsTrigger',
        icon: {
            light: 'file:../../icons/dentalReferrals.svg',
            dark: 'file:../../icons/dentalReferrals.dark.svg',
        },
        group: ['trigger'],
        version: 1,
        subtitle: 'PDFs ready',
        description: "Starts the workflow when a submitted referral's PDF forms are ready",
        defaults: { name: 'Dental Referrals Trigger' },
        inputs: [],
        outputs: [n8n_workflow_1.NodeConnectionTypes.Main],
        credentials: [{ name: 'dentalReferralsApi', required: true }],
        webhooks: [
            {
                name: 'default',
                httpMethod: 'POST',
                responseMode: 'onReceived',
                path: trigger_url_1.TRIGGER_PATH_EXPRESSION,
                isFullPath: true,
            },
        ],
        properties: [
            {
                displayName: 'In Prepare Form or Save Draft of this workflow, set Files Ready Notification to "Dental Referrals Trigger of This Workflow" (same credential): the API then calls this trigger once the referral is submitted and its PDFs exist. Publish the workflow (n8n 2.x; Activate in 1.x) so that n8n listens for the notification.',
                name: 'pairingNotice',
                type: 'notice',
                default: '',
            },
            {
                displayName: 'Require Secret Token',
                name: 'requireToken',
                type: 'boolean',
                default: true,
                description: "Whether calls must carry this trigger's secret token in the URL's query string (the API signs nothing). Prepare Form and Save Draft add it for you; calls without it get 401.",
            },
            {
                displayName: 'Options',
                name: 'options',
                type: 'collection',
                placeholder: 'Add Option',
                default: {},
                options: [
                    {
                        displayName: 'Download Files',
                        name: 'downloadFiles',
                        type: 'boolean',
                        default: false,
                        description: "Whether to download each PDF (with the credential, only from the credential's API origin) into binary properties file_0, file_1, … in the order of files",
                    },
                    {
                        displayName: 'Skip Duplicates',
                        name: 'skipDuplicates',
                        type: 'boolean',
                        default: true,
                        description: 'Whether to drop a notification whose URN and file list this trigger already emitted (the API retries notifications, so the same PDFs can arrive twice); it is answered 200 so the API stops retrying',
                    },
                    {
                        displayName: 'Verify Referral',
                        name: 'verifyReferral',
                        type: 'boolean',
                        default: false,
                        description: 'Whether to confirm the URN with Get Status under the same key before starting the workflow; unknown URNs are refused',
                    },
                ],
            },
        ],
    };
    webhookMethods = {
        default: {
            // The API has no webhook registration endpoint: Prepare Form / Save Draft send this
            // trigger's URL with each referral. Activation only proves the credential's key, so a
            // wrong key fails activation instead of every later notification.
            async checkExists() {
                return false;
            },
            async create() {
                await transport_1.apiRequest.call(this, { method: 'GET', endpoint: 'available_forms' });
                return true;
            },
            async delete() {
                return true;
            },
        },
    };
    /**
     * One execution per notification, however often and however simultaneously the API
     * delivers it (see ./delivered.ts), answered within ACK_DEADLINE_MS. If the PDFs take
     * longer, the API is answered 503 at the deadline and the download goes on: once it is
     * done the workflow starts and the API's retry is answered 200 as a duplicate; if n8n
     * stops before that, nothing was recorded and the retry downloads the PDFs again.
     */
    async webhook() {
        const workflowId = String(this.getWorkflow().id ?? '');
        if (this.getNodeParameter('requireToken', true)) {
            const given = this.getQueryData()[trigger_url_1.TOKEN_QUERY_PARAMETER];
            if (!(await tokenAccepted.call(this, workflowId, given))) {
                return webhook_answers_1.refuse.call(this, 401, 'Missing or wrong token');
            }
        }
        const parsed = webhook_answers_1.readNotification.call(this);
        if (!parsed.ok)
            return webhook_answers_1.refuse.call(this, 400, `Not a files-ready notification: ${parsed.problem}`);
        const notification = parsed.notification;
        const options = this.getNodeParameter('options', {});
        const skipDuplicates = options.skipDuplicates !== false;
        const prefix = (0, delivered_1.keyPrefix)(workflowId, this.getNode().name);
        const print = (0, delivered_1.fingerprint)(notification);
        const staticData = this.getWorkflowStaticData('node');
        if (skipDuplicates && (0, delivered_1.storedAsDelivered)(staticData, prefix, print)) {
            return webhook_answers_1.answer.call(this, { ok: true }, DUPLICATE);
        }
        const claimed = skipDuplicates ? (0, deliveries_1.claim)(prefix + print) : undefined;
        if (claimed?.kind === 'delivered')
            return webhook_answers_1.answer.call(this, { ok: true }, DUPLICATE);
        if (claimed?.kind === 'inFlight') {
            const outcome = await (0, deliveries_1.withinDeadline)(claimed.outcome, webhook_answers_1.ACK_DEADLINE_MS);
            if (!outcome) {
                return webhook_answers_1.refuse.call(this, 503, `${notification.urn} is still being processed; retry later`);
            }
            return webhook_answers_1.answer.call(this, outcome, DUPLICATE);
        }
        // Never rejects, so that the claim is always settled (a stuck claim would hold back every copy).
        const running = emission
            .call(this, notification, options)
            .catch((error) => ({ ok: false, status: 503, message: error.message }));
        if (!(await (0, deliveries_1.withinDeadline)(running, webhook_answers_1.ACK_DEADLINE_MS))) {
            webhook_answers_1.refuse.call(this, 503, `The PDFs of ${notification.urn} are still downloading; retry later`);
        }
        const result = await running;
        const outcome = result.ok ? { ok: true } : result;
        claimed?.settle(outcome);
        if (!result.ok)
            return webhook_answers_1.refuse.call(this, result.status, result.message);
        if (skipDuplicates)
            (0, delivered_1.rememberInStaticData)(staticData, prefix);
        webhook_answers_1.acknowledge.call(this);
        return { noWebhookResponse: true, workflowData: [[result.item]] };
    }
}
exports.DentalReferralsTrigger = DentalReferralsTrigger;
//# sourceMappingURL=DentalReferralsTrigger.node.js.map