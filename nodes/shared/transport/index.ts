/** The one module that talks HTTP to the Dental Referrals API: base URL, auth, errors, streaming. */
export { apiCredential, apiRoot, apiRootFromCredential, type ApiCredential, type ApiRoot } from './api-root';
export type { ApiContext } from './context';
export { checkDocumentUrl, storeDocument, type DocumentContext, type DocumentLocation } from './documents';
export type { BinaryStream, UploadFile } from './multipart';
export { apiRequest, DEFAULT_TIMEOUT_MS, type ApiCall } from './request';
