/**
 * The Dental Referrals API client: one function per API method, each owning its endpoint, what
 * a 404 means for it and the documented shape of its answer. Nodes speak to the API only here.
 */
export type { CallOptions } from './call-options';
export { apiKey } from './credential';
export { downloadDocument } from './documents';
export { addFile, prepareFileUpload } from './file-uploads';
export { availableForms, prepareForm, saveDraft, type PatientForm } from './forms';
export {
	MAX_LISTED_REFERRALS,
	patientReferrals,
	recentReferrals,
	referralStatus,
	summarizeReferral,
	type ReferralSummary,
} from './referrals';
export {
	apiRoot,
	checkDocumentUrl,
	DEFAULT_TIMEOUT_MS,
	type ApiContext,
	type DocumentContext,
	type DocumentLocation,
	type UploadFile,
} from '../transport';
