import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { deliveredWithPrefix, markDelivered, REMEMBER_MS } from '../shared/deliveries';
import type { FilesReadyNotification } from '../shared/notification';

/**
 * Which notifications this trigger already turned into executions, for Skip Duplicates.
 *
 * In the process: the claims of nodes/shared/deliveries.ts (race-free, immediate). Across
 * restarts and processes: the trigger's static data, `delivered: { <fingerprint>: <unix
 * seconds> }`, which n8n reloads from its database for every call and saves when the
 * trigger answers the call itself. Each save writes every delivery this process knows for
 * the trigger, so a save that raced with another one's is healed by the next.
 *
 * A fingerprint covers the URN and its file list: the API's retries repeat both, while a
 * notification for the same URN with other files (a forged one, say) cannot suppress the
 * real one. Entries are kept for 48 hours (the API retries for just over a day), at most 2,000.
 */
const MAX_STORED = 2_000;

export function fingerprint({ urn, files }: FilesReadyNotification): string {
	return createHash('sha256')
		.update(JSON.stringify([urn, [...files].sort()]))
		.digest('base64url')
		.slice(0, 22);
}

/** The prefix of this trigger's keys in the process-wide claims. */
export function keyPrefix(workflowId: string, nodeName: string): string {
	return `trigger\u0000${workflowId}\u0000${nodeName}\u0000`;
}

function stored(staticData: IDataObject): Record<string, number> {
	const value = staticData.delivered;
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, number>) : {};
}

/** True if the static data says so; the process then remembers it too. */
export function storedAsDelivered(staticData: IDataObject, prefix: string, print: string): boolean {
	const seconds = stored(staticData)[print];
	if (typeof seconds !== 'number' || Date.now() - seconds * 1000 >= REMEMBER_MS) return false;
	markDelivered(prefix + print, seconds * 1000);
	return true;
}

/** Writes every delivery of this trigger known to the process into the static data. */
export function rememberInStaticData(staticData: IDataObject, prefix: string): void {
	const now = Date.now();
	const merged: Record<string, number> = { ...stored(staticData) };
	for (const [key, at] of deliveredWithPrefix(prefix))
		merged[key.slice(prefix.length)] = Math.floor(at / 1000);
	const kept = Object.entries(merged)
		.filter(([, seconds]) => typeof seconds === 'number' && now - seconds * 1000 < REMEMBER_MS)
		.sort(([, a], [, b]) => a - b)
		.slice(-MAX_STORED);
	staticData.delivered = Object.fromEntries(kept);
	// Up to 0.1.0 the trigger kept a list that n8n never saved reliably.
	if ('emitted' in staticData) delete staticData.emitted;
}
