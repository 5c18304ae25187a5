import type { INodeProperties } from 'n8n-workflow';

import { URN_PATTERN } from '../../shared/notification';
import { FROM_V2 } from './node-versions';

// From node version 2 the typed URN and Document URL are resource locators (pick from the API's
// recent referrals, or type); version 1 keeps its text fields so saved workflows do not change.

/** The list methods of `methods.listSearch` (methods/list-search.ts). */
export const SEARCH_REFERRALS = 'searchReferrals';
export const SEARCH_DOCUMENTS = 'searchDocuments';

/** The URN picker; `value` is its default (an expression for Wait for PDFs). */
export function urnLocator(description: string, value = ''): INodeProperties {
	return {
		displayName: 'Referral',
		name: 'urn',
		type: 'resourceLocator',
		default: { mode: value === '' ? 'list' : 'urn', value },
		required: true,
		description,
		displayOptions: FROM_V2,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a referral...',
				typeOptions: { searchListMethod: SEARCH_REFERRALS, searchable: true },
			},
			{
				displayName: 'By URN',
				name: 'urn',
				type: 'string',
				placeholder: 'TST0000001',
				// The same rule as the node's input check (input/parameters.ts).
				validation: [
					{
						type: 'regex',
						properties: { regex: URN_PATTERN.source, errorMessage: 'Not a referral URN such as TST0000001' },
					},
				],
			},
		],
	};
}

/** The document picker: a PDF of a recent referral, or any URL (checked against the credential's origin on run). */
export const documentLocator: INodeProperties = {
	displayName: 'Document',
	name: 'documentUrl',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		"A referral PDF: picked from the recent referrals' files, or its URL from referral_files or a files-ready notification. Only URLs on the credential's API origin are fetched.",
	displayOptions: FROM_V2,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a PDF...',
			typeOptions: { searchListMethod: SEARCH_DOCUMENTS, searchable: true },
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder:
				'https://app.dental-referrals.org/documents/show/attachments/1/pdfs/original/TST0000001.pdf',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^https?://.+', errorMessage: 'Not an http(s) URL' },
				},
			],
		},
	],
};
