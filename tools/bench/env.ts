/**
 * Import first: n8n-core reads N8N_USER_FOLDER (its filesystem binary store) when first
 * used, so the bench gives itself (and its children) a temporary one, and keeps n8n quiet.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'dr-bench-n8n-'));
process.env.N8N_LOG_LEVEL ??= 'silent';

export const USER_FOLDER = process.env.N8N_USER_FOLDER;
