"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DentalReferralsStatusTrigger = void 0;
const n8n_workflow_1 = require("n8n-workflow");
const DentalReferralsApi_credentials_1 = require("../../credentials/DentalReferralsApi.credentials");
const transport_1 = require("../shared/transport");
const downloads_1 = require("./downloads");
const events_1 = require("./events");
const referrals_1 = require("./referrals");
const state_1 = require("./state");
function watchedEvents() {
    const chosen = this.getNodeParameter('events', []);
    const watched = new Set((Array.isArray(chosen) ? chosen : []).filter((name) => events_1.WATCHABLE_EVENTS.includes(name)));
    if (!watched.size) {
        throw new n8n_workflow_1.NodeOperationError(this.getNode(), 'Events: choose at least one event to watch');
    }
    return watched;
}
/** Which credential and API origin the remembered referrals belong to (no secret in it). */
async function stateScope() {
    const credential = this.getNode().credentials?.[DentalReferralsApi_credentials_1.CREDENTIAL_TYPE];
    const { origin } = await transport_1.apiRoot.call(this);
    return `${credential?.id ?? credential?.name ?? ''}@${origin}`;
}
class DentalReferralsStatusTrigger {
    description = {
        displayName: 'Dental Referrals Status Trigger',
        name: 'dentalReferralsStatusTrigger',
        icon: {
            light: 'file:../../icons/dentalReferrals.svg',
            dark: 'file:../../icons/dentalReferrals.dark.svg',
        },
        group: ['trigger'],
        version: 1,
        subtitle: '={{ "Polls: " + ($parameter["events"] || []).join(", ") }}',
        description: 'Starts the workflow when referrals are submitted, change status or get their PDFs, by polling the API',
        defaults: { name: 'Dental Referrals Status Trigger' },
        polling: true,
        inputs: [],
        outputs: [n8n_workflow_1.NodeConnectionTypes.Main],
        credentials: [{ name: 'dentalReferralsApi', required: true }],
        properties: [
            {
                displayName: 'For n8n instances the API cannot call: polls the 100 most recently submitted referrals (the API shows no more). The first poll after activation only records them. If more than 100 referrals are submitted between two polls, older ones cannot be seen and the poll emits a "windowOverflow" item first. Status changes are only seen while a referral is among the 100 most recent.',
                name: 'pollingNotice',
                type: 'notice',
                default: '',
            },
            {
                displayName: 'Events',
                name: 'events',
                type: 'multiOptions',
                required: true,
                options: [
                    {
                        name: 'New Referral',
                        value: 'newReferral',
                        description: 'A referral was submitted',
                    },
                    {
                        name: 'PDFs Ready',
                        value: 'filesReady',
                        description: "A referral's PDF forms became available (or it gained more)",
                    },
                    {
                        name: 'Status Changed',
                        value: 'statusChanged',
                        description: "A referral's status text changed",
                    },
                ],
                default: ['newReferral', 'statusChanged', 'filesReady'],
                description: 'Which changes start the workflow; each change is one item with its "event"',
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
                        description: "Whether to download the PDFs of New Referral and PDFs Ready items (with the credential, only from the credential's API origin) into binary properties file_0, file_1, … in the order of referral_files",
                    },
                ],
            },
        ],
    };
    async poll() {
        const watched = watchedEvents.call(this);
        const { downloadFiles = false } = this.getNodeParameter('options', {});
        // A manual test run shows the latest referral so fields can be mapped. n8n does not save
        // static data after manual runs, so it neither reads nor writes the trigger's state.
        if (this.getMode() === 'manual') {
            const { referrals } = await referrals_1.fetchRecentReferrals.call(this, 1);
            if (!referrals.length)
                return null;
            return [[await downloads_1.eventItem.call(this, (0, events_1.sampleEvent)(referrals[0]), downloadFiles)]];
        }
        const recent = await referrals_1.fetchRecentReferrals.call(this, referrals_1.API_WINDOW);
        const scope = await stateScope.call(this);
        const staticData = this.getWorkflowStaticData('node');
        // Read, compare and advance with no await in between, so that an overlapping poll (a
        // slow download) compares against the advanced state and cannot repeat these events.
        // n8n saves static data only with an emitting poll (or an activation), so the state it
        // saves always matches the events it started executions with; the advance made by a
        // poll that emits nothing lives in memory, and if a restart loses it, the next poll
        // compares against the last saved state again and re-derives exactly the unsaved changes.
        const known = (0, state_1.readState)(staticData, scope);
        (0, state_1.writeState)(staticData, scope, (0, state_1.nextState)(known, recent.referrals));
        if (!known)
            return null; // The baseline: what exists at activation is not news.
        const { events, overflow } = (0, events_1.diffReferrals)(known, recent, watched);
        const items = overflow ? [{ json: (0, events_1.overflowItem)() }] : [];
        for (const event of events)
            items.push(await downloads_1.eventItem.call(this, event, downloadFiles));
        return items.length ? [items] : null;
    }
}
exports.DentalReferralsStatusTrigger = DentalReferralsStatusTrigger;
//# sourceMappingURL=DentalReferralsStatusTrigger.node.js.map