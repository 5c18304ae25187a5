import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { ICredentialType, INodeType } from 'n8n-workflow';

/**
 * The product (nodes, credential) as every tool loads it. Run as TypeScript (jest) this reads the
 * sources, so a test sees an edit without a build; compiled (npm start, sandbox, bench) it reads
 * dist/ — what ships and what n8n loads — so tsconfig.tools.json never compiles the nodes again.
 * The paths are strings, not imports, for that reason: test/package/product.test.ts checks each
 * one against the source module it names (same value, same type).
 */
const compiled = !__filename.endsWith('.ts');
const root = compiled ? join(__dirname, '..', '..', 'dist') : join(__dirname, '..');
const load = createRequire(__filename);

function product<T>(path: string): T {
	return load(join(root, path)) as T;
}

export const { DentalReferrals } = product<{ DentalReferrals: new () => INodeType }>(
	'nodes/DentalReferrals/DentalReferrals.node',
);
export const { DentalReferralsTrigger } = product<{ DentalReferralsTrigger: new () => INodeType }>(
	'nodes/DentalReferralsTrigger/DentalReferralsTrigger.node',
);
export const { DentalReferralsApi } = product<{ DentalReferralsApi: new () => ICredentialType }>(
	'credentials/DentalReferralsApi.credentials',
);
export const { triggerUrl } = product<{
	triggerUrl: (webhookBase: string, workflowId: string, instanceId: string) => string;
}>('nodes/shared/trigger-url');
export const { DEFAULT_PARALLEL_REQUESTS } = product<{ DEFAULT_PARALLEL_REQUESTS: number }>(
	'nodes/DentalReferrals/descriptions/options.fields',
);
