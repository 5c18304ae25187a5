import { createHmac, timingSafeEqual } from 'crypto';
import type { INode } from 'n8n-workflow';

/**
 * The API signs nothing, so the trigger's URL carries a secret token in its query string.
 * It is derived (HMAC-SHA256) from the credential's API key and the webhook's identity: the
 * trigger can check it without storing anything, it differs per trigger, it reveals nothing
 * about the key, and it changes when the key does.
 */
export const TOKEN_QUERY_PARAMETER = 'token';

export function webhookToken(apiKey: string, workflowId: string | undefined, node: INode): string {
	return createHmac('sha256', apiKey)
		.update(`dental-referrals-trigger/v1/${workflowId ?? ''}/${node.webhookId ?? node.id}`)
		.digest('hex')
		.slice(0, 40);
}

/** Constant-time comparison, so the token cannot be guessed byte by byte from timings. */
export function tokenMatches(expected: string, given: unknown): boolean {
	if (typeof given !== 'string') return false;
	const a = Buffer.from(expected);
	const b = Buffer.from(given);
	return a.length === b.length && timingSafeEqual(a, b);
}

export function withToken(url: string, token: string): string {
	const target = new URL(url);
	target.searchParams.set(TOKEN_QUERY_PARAMETER, token);
	return target.href;
}
