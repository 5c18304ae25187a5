/**
 * The one module that talks HTTP to the Dental Referrals API: base URL, auth, errors, streaming.
 * It knows no API method: the client (../api) names the endpoints and checks their answers.
 */
export { kindOf, type AnswerCheck, type AnswerProblem } from './answer-problem';
export { apiCredential, apiRoot, apiRootFromCredential, type ApiCredential, type ApiRoot } from './api-root';
export type { ApiContext } from './context';
export { checkDocumentUrl, storeDocument, type DocumentContext, type DocumentLocation } from './documents';
export type { BinaryStream, UploadFile } from './multipart';
export { apiRequest, DEFAULT_TIMEOUT_MS, type ApiCall } from './request';
