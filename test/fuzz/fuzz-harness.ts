import { createHash } from 'node:crypto';

import fc from 'fast-check';
import {
	NodeConnectionTypes,
	type IBinaryData,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { registerNodeType, runWorkflow } from '../../tools/engine/run-workflow';
import { assertNoSecret, dentalReferrals, sandboxCredential } from '../../tools/engine/sandbox-workflow';
import type { RecordedRequest, Sandbox } from '../../tools/sandbox';
import { asDelivered } from './arbitraries';

/** One binary property of a fuzzed item: its bytes and raw (possibly odd) metadata. */
export interface FuzzFile {
	property: string;
	content: string;
	/** How `content` is written: UTF-8 text (default) or Base64 of arbitrary bytes. */
	encoding?: 'utf8' | 'base64';
	/** Metadata keys that are absent are deleted from the binary; present ones are set as is. */
	meta: { fileName?: unknown; mimeType?: unknown; fileExtension?: unknown };
}

export const sha256 = (text: string) => createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');

/**
 * Test fixture standing in for an upstream node (Read Files, a Code node…) that hands the
 * Dental Referrals node binaries with odd metadata: the bytes go into n8n's real binary store,
 * then fileName / mimeType / fileExtension are overwritten (or removed) as generated.
 */
class FuzzBinaries implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Fuzz Binaries',
		name: 'fuzzBinaries',
		group: ['transform'],
		version: 1,
		description: 'Test fixture: attaches generated binaries',
		defaults: { name: 'Fuzz Binaries' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const output: INodeExecutionData[] = [];
		for (const item of this.getInputData()) {
			const files = (item.json.__files ?? []) as unknown as FuzzFile[];
			const binary: Record<string, IBinaryData> = {};
			for (const file of files) {
				const data = await this.helpers.prepareBinaryData(
					Buffer.from(file.content, file.encoding ?? 'utf8'),
					'file.bin',
				);
				const record = data as unknown as Record<string, unknown>;
				for (const key of ['fileName', 'mimeType', 'fileExtension'] as const) {
					if (key in file.meta) record[key] = file.meta[key];
					else delete record[key];
				}
				binary[file.property] = data;
			}
			output.push({ json: item.json, ...(files.length ? { binary } : {}) });
		}
		return [output];
	}
}
registerNodeType('fuzz.binaries', new FuzzBinaries());

const CHUNK = 2_500;
const NETWORK_FAILURE = 'Could not reach the Dental Referrals API';

export interface ErrorJson {
	error: string;
	description?: string;
	httpCode?: string;
}

/** What happened to one generated input. */
export interface ItemOutcome<T> {
	/** Position among all generated inputs. */
	index: number;
	/** Index of the item in its workflow (what messages and pairedItem name). */
	itemIndex: number;
	input: T;
	outputs: INodeExecutionData[];
	error?: ErrorJson;
	/** Refused by the node's own checks: an error item without an HTTP code. */
	refused: boolean;
	requests: RecordedRequest[];
}

export interface FuzzSpec<T> {
	label: string;
	seed: number;
	count: number;
	arbitrary: fc.Arbitrary<T>;
	/** The item JSON for an input (the node reads it through expressions). */
	item(input: T, index: number): Record<string, unknown>;
	files?: (input: T, index: number) => FuzzFile[];
	parameters: INode['parameters'];
	/** Which recorded requests belong to this operation. */
	isOwnRequest(request: RecordedRequest): boolean;
	/**
	 * Attribution: does `request` (the next unclaimed one, in arrival order) belong to this
	 * input? `position` is how many requests the item has claimed so far. The router sends in
	 * item order, so walking requests and non-refused items together pairs them exactly —
	 * provided `claims` is exact: a claim that accepts "anything" (the previous lone-surrogate
	 * wildcard) lets a later item take an earlier item's request, and the walk then blames an
	 * innocent request (that was the getByPatient "request #784" failure).
	 */
	claims(input: T, request: RecordedRequest, position: number): boolean;
	/** The fields (as in the editor) validation messages may name. */
	fields: string[];
	/** Validation errors whose message has no colon after the field (known deviation, see report). */
	looseFields?: string[];
	/** `true` must be refused, `false` must not be, undefined: no opinion. */
	mustRefuse?(input: T): boolean | undefined;
	/** A network failure (no HTTP status) is acceptable for this input (e.g. a near-zero Timeout). */
	networkErrorAllowed?(input: T): boolean;
	/** The sandbox's HTTP parser refused the request before recording it (e.g. a URL over 16 KB). */
	unrecordedAllowed?(outcome: ItemOutcome<T>): boolean;
	/** Further checks of an input that was sent (its requests and outputs). */
	checkSent?(outcome: ItemOutcome<T>): void;
	/** Checks of an input that was refused. */
	checkRefused?(outcome: ItemOutcome<T>): void;
	/** The run fails unless at least this many inputs were accepted (reached the sandbox). */
	minAccepted?: number;
}

export interface FuzzReport<T> {
	outcomes: Array<ItemOutcome<T>>;
	ms: number;
	refused: number;
	sent: number;
	apiErrors: number;
	requests: number;
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Generates `count` inputs (fixed seed), runs them as the items of ONE workflow with Continue On Fail, pairs outcomes. */
export async function fuzzOperation<T>(sandbox: Sandbox, spec: FuzzSpec<T>): Promise<FuzzReport<T>> {
	const inputs = fc.sample(spec.arbitrary, { seed: spec.seed, numRuns: spec.count });
	const delivered = inputs.map((input, index) => asDelivered(spec.item(input, index)));
	const credentials = sandboxCredential(sandbox);
	const outcomes: Array<ItemOutcome<T>> = [];
	let requestCount = 0;
	const started = Date.now();
	// Requests are paired with inputs in arrival order below, so items are sent one at a time
	// (Parallel Requests 1); the order of concurrent requests is tested in test/nodes/DentalReferrals/form/prepare.test.ts.
	const options = spec.parameters.options;
	const parameters: INode['parameters'] = {
		...spec.parameters,
		options: { parallelRequests: 1, ...(options && typeof options === 'object' ? options : {}) },
	};
	// A few workflows of CHUNK items each: the engine's per-item cost grows with the item count.
	for (let offset = 0; offset < inputs.length; offset += CHUNK) {
		const chunk = inputs.slice(offset, offset + CHUNK);
		const files = spec.files ? chunk.map((input, index) => spec.files!(input, offset + index)) : undefined;
		const items = delivered
			.slice(offset, offset + CHUNK)
			.map((json, index) => (files ? { ...json, __files: files[index] } : json));
		sandbox.clearRequests();
		const result = await runWorkflow({
			items,
			nodes: [
				...(files ? [{ name: 'Fuzz Binaries', type: 'fuzz.binaries', parameters: {} }] : []),
				dentalReferrals(parameters, { continueOnFail: true }),
			],
			credentials,
		});
		assertNoSecret(result, String(credentials.apiKey));
		// Property: Continue On Fail is honoured, whatever the input: the execution never fails.
		if (result.error) {
			throw new Error(
				`${spec.label}: the execution failed: ${result.error.message}\n${result.error.stack ?? ''}`,
			);
		}
		const local: Array<ItemOutcome<T>> = chunk.map((input, index) => ({
			index: offset + index,
			itemIndex: index,
			input,
			outputs: [],
			refused: false,
			requests: [],
		}));
		for (const output of result.output('Dental Referrals')) {
			const paired = output.pairedItem as { item?: number } | undefined;
			const index = paired?.item;
			if (typeof index !== 'number' || !local[index]) {
				throw new Error(
					`${spec.label}: an output item is not paired to an input: ${JSON.stringify(output.pairedItem)}`,
				);
			}
			local[index].outputs.push(output);
			if (output.json.error !== undefined) {
				const error = output.json as unknown as ErrorJson;
				local[index].error = error;
				// A network failure has no HTTP code either, but it happened after sending.
				local[index].refused =
					error.httpCode === undefined && !String(error.error).startsWith(NETWORK_FAILURE);
			}
		}
		// Pair the operation's requests with the inputs that were not refused, in order.
		const own = sandbox.requests.filter((request) => spec.isOwnRequest(request));
		let next = 0;
		for (const outcome of local) {
			if (outcome.refused) continue;
			while (next < own.length && spec.claims(outcome.input, own[next], outcome.requests.length)) {
				outcome.requests.push(own[next++]);
			}
		}
		if (next !== own.length) {
			const request = own[next];
			throw new Error(
				`${spec.label} (seed ${spec.seed}): request #${next} of workflow ${offset / CHUNK} (${request.method} ${request.path} ${JSON.stringify(request.query).slice(0, 200)} ${JSON.stringify(request.form ?? {}).slice(0, 300)}) belongs to no input that was accepted`,
			);
		}
		requestCount += own.length;
		outcomes.push(...local);
	}
	const ms = Date.now() - started;

	const problems: string[] = [];
	const fail = (outcome: ItemOutcome<T>, problem: string) => {
		if (problems.length < 10) {
			problems.push(
				`item ${outcome.index}: ${problem}\n  input: ${JSON.stringify(delivered[outcome.index]).slice(0, 400)}\n  error: ${JSON.stringify(outcome.error)?.slice(0, 400)}`,
			);
		}
	};
	const strict = new RegExp(
		`^(${spec.fields.map(escapeRegExp).join('|')}): .+ \\(item index (\\d+)\\)$`,
		's',
	);
	const loose = spec.looseFields?.length
		? new RegExp(`^(${spec.looseFields.map(escapeRegExp).join('|')}) .+ \\(item index (\\d+)\\)$`, 's')
		: undefined;
	for (const outcome of outcomes) {
		const { itemIndex: index, error } = outcome;
		// Property: no request for a refused input; at least one for an accepted one.
		if (outcome.refused && outcome.requests.length) fail(outcome, 'refused, yet a request was sent');
		const lostInTransit = Boolean(
			error &&
				!outcome.refused &&
				(spec.networkErrorAllowed?.(outcome.input) || spec.unrecordedAllowed?.(outcome)),
		);
		if (!outcome.refused && outcome.requests.length === 0 && !lostInTransit)
			fail(outcome, 'accepted, yet no request was sent');
		if (error) {
			if (typeof error.error !== 'string' || error.error.trim() === '')
				fail(outcome, 'an error without a message');
			if (outcome.refused) {
				// Property: a refusal names the field and the item, in the input-error format.
				const match = strict.exec(error.error) ?? loose?.exec(error.error);
				if (!match) fail(outcome, 'a refusal whose message does not name a field and the item');
				else if (Number(match[2]) !== index) fail(outcome, `the message names item ${match[2]}`);
			} else if (!/^\d{3}$/.test(String(error.httpCode)) && !spec.networkErrorAllowed?.(outcome.input)) {
				fail(outcome, 'an API error without an HTTP status');
			}
		} else if (outcome.outputs.some((output) => output.json.error !== undefined)) {
			fail(outcome, 'an error item that is not the only outcome');
		}
		const verdict = spec.mustRefuse?.(outcome.input);
		if (verdict === true && !outcome.refused) fail(outcome, 'must be refused before sending, but was not');
		if (verdict === false && outcome.refused) fail(outcome, 'must be accepted, but was refused');
		try {
			if (outcome.refused) spec.checkRefused?.(outcome);
			else spec.checkSent?.(outcome);
		} catch (problem) {
			fail(outcome, (problem as Error).message);
		}
	}
	const report: FuzzReport<T> = {
		outcomes,
		ms,
		refused: outcomes.filter((outcome) => outcome.refused).length,
		sent: outcomes.filter((outcome) => !outcome.refused).length,
		apiErrors: outcomes.filter((outcome) => outcome.error && !outcome.refused).length,
		requests: requestCount,
	};
	console.log(
		`[fuzz] ${spec.label}: seed=${spec.seed} inputs=${spec.count} refused=${report.refused} accepted=${report.sent} ` +
			`(api errors ${report.apiErrors}) requests=${report.requests} in ${ms} ms`,
	);
	if (spec.minAccepted !== undefined && report.sent < spec.minAccepted) {
		problems.push(`only ${report.sent} inputs were accepted, fewer than ${spec.minAccepted}`);
	}
	if (problems.length) throw new Error(`${spec.label} (seed ${spec.seed}):\n${problems.join('\n')}`);
	return report;
}

/** Throws with `message` unless `condition`. */
export function check(condition: unknown, message: string): void {
	if (!condition) throw new Error(message);
}

export function exampleOf<T>(report: FuzzReport<T>, predicate: (outcome: ItemOutcome<T>) => boolean) {
	return report.outcomes.find(predicate);
}

export const fieldPattern = escapeRegExp;
