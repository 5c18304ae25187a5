/** The version from which Parallel Requests defaults to 20. */
export const VERSION_2_1 = 2.1;

/**
 * The node's versions. A saved workflow keeps the version it was saved with, and n8n leaves
 * parameters at their default out of the saved JSON, so a new default is a new version:
 * - 1: URN and Document are text fields;
 * - 2: they are resource locators (pick from the API's recent referrals, or type);
 * - 2.1: Parallel Requests defaults to 20 (10 before), chosen from the bench (options.fields.ts).
 */
export const NODE_VERSIONS = [1, 2, VERSION_2_1];
export const LATEST_NODE_VERSION = VERSION_2_1;

export const V1 = { show: { '@version': [1] } };
export const FROM_V2 = { show: { '@version': [2, VERSION_2_1] } };
export const BEFORE_V2_1 = { show: { '@version': [1, 2] } };
export const FROM_V2_1 = { show: { '@version': [VERSION_2_1] } };
