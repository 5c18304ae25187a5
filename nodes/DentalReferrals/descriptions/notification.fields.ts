import type { INodeProperties } from 'n8n-workflow';

/** The value of Operation for Referral → Wait for PDFs, which "wait" hands the resume URL to. */
export const WAIT_FOR_FILES_OPERATION = 'waitForFiles';

/**
 * Where the API sends the files-ready notification of a prepared form or draft. Choosing a
 * Dental Referrals Trigger of this workflow sends its production URL, secret token included,
 * derived here exactly as the trigger checks it — nothing to copy or paste.
 */
export const notificationFields: INodeProperties[] = [
	{
		displayName: 'Files Ready Notification',
		name: 'filesReadyNotification',
		type: 'options',
		options: [
			{
				name: 'Dental Referrals Trigger of This Workflow',
				value: 'trigger',
				description:
					"Send the production URL of this workflow's Dental Referrals Trigger (same credential; the workflow must be active to receive it)",
			},
			{
				name: 'Wait for PDFs in This Execution',
				value: 'wait',
				description:
					"Send this execution's resume URL, for a Dental Referrals Wait for PDFs node later in this workflow",
			},
			{
				name: 'URL From Additional Fields (or None)',
				value: 'url',
				description: 'Send Additional Fields → Files Ready Webhook URL if it is set, otherwise nothing',
			},
		],
		default: 'url',
		description: 'Where the API POSTs {"urn", "files"} once the referral is submitted and its PDFs exist',
	},
];
