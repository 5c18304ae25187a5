/**
 * A real MCP client (`@modelcontextprotocol/sdk`, streamable HTTP) for an n8n MCP Server Trigger,
 * as a desktop assistant or IDE connects to it. Tool results come back as text, as a model reads them.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
	StreamableHTTPClientTransport,
	StreamableHTTPError,
} from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { z } from 'zod/v4';

export interface ToolResult {
	isError: boolean;
	/** The text parts of the result, joined: what the model reads. */
	text: string;
}

/** A listed tool as the server sent it (not validated against the MCP schema). */
export interface ListedTool {
	name: string;
	description?: string;
	inputSchema: Record<string, unknown>;
}

// tools/list read without the SDK's strict result schema, so a server's schema slips can be
// asserted on instead of failing the whole listing (n8n 2.20.x sends no JSON Schema).
const LOOSE_TOOL_LIST = z
	.object({
		tools: z.array(
			z.object({
				name: z.string(),
				description: z.string().optional(),
				inputSchema: z.record(z.string(), z.unknown()),
			}),
		),
	})
	.passthrough();

export interface McpSession {
	client: Client;
	/** tools/list, as the server answered it. */
	listTools(): Promise<ListedTool[]>;
	call(name: string, args: Record<string, unknown>): Promise<ToolResult>;
	close(): Promise<void>;
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

async function connectOnce(url: string, headers: Record<string, string>): Promise<Client> {
	const client = new Client({ name: 'dental-referrals-e2e', version: '1.0.0' });
	await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
	return client;
}

/**
 * Connects to `url`. Publishing registers the trigger's webhook a moment after n8n answers, so a
 * 404 is retried until `timeoutMs`; any other failure (401 without the token, …) is thrown at once.
 */
export async function connectMcp(
	url: string,
	options: { headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<McpSession> {
	const deadline = Date.now() + (options.timeoutMs ?? 15_000);
	let client: Client;
	for (;;) {
		const attempt = await connectOnce(url, options.headers ?? {}).catch((error: Error) => error);
		if (!(attempt instanceof Error)) {
			client = attempt;
			break;
		}
		if (!(attempt instanceof StreamableHTTPError && attempt.code === 404) || Date.now() > deadline)
			throw attempt;
		await sleep(250);
	}
	return {
		client,
		async listTools() {
			return (await client.request({ method: 'tools/list' }, LOOSE_TOOL_LIST)).tools;
		},
		async call(name, args) {
			const result = await client.callTool({ name, arguments: args });
			const content = (result.content ?? []) as Array<{ type: string; text?: string }>;
			const text = content
				.map((part) => (part.type === 'text' ? (part.text ?? '') : `[${part.type}]`))
				.join('\n');
			return { isError: result.isError === true, text };
		},
		close: () => client.close(),
	};
}
