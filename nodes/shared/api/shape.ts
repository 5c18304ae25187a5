import type { AnswerCheck, AnswerProblem } from '../transport';

/**
 * The building blocks of the answer checks each API method applies to its answer. An answer
 * that breaks its documented shape is an error, never a guess.
 *
 * Strict on what the nodes use (ids, URNs, URLs, arrays), lenient on descriptive fields: the
 * API documentation's own “Referral Status” table says referral_name / referral_urn while its
 * example says referrer_name and omits referral_urn, so names and reasons are passed on as they come.
 */

type Value = Record<string, unknown>;

export const isObject = (value: unknown): value is Value =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
export const isText = (value: unknown) => typeof value === 'string' && value.trim() !== '';
export const isTextArray = (value: unknown) =>
	Array.isArray(value) && value.every((entry) => typeof entry === 'string');
// "Numeric" in the API documentation; a JSON number or its digits, as long as it is a usable id.
export const isNumericId = (value: unknown) =>
	(typeof value === 'number' && Number.isSafeInteger(value) && value > 0) ||
	(typeof value === 'string' && /^[1-9]\d{0,14}$/.test(value));

// http(s) by its scheme, then the URL parser's verdict without building a URL object: this
// runs on every answer of Prepare Form and Save Draft.
const HTTP_SCHEME = /^https?:/i;

export function isHttpUrl(value: unknown): boolean {
	return typeof value === 'string' && HTTP_SCHEME.test(value.trimStart()) && URL.canParse(value);
}

/** Checks one field of an object answer; `where` names an entry of a list, e.g. " in referral_data[2]". */
export function field(
	answer: unknown,
	name: string,
	test: (value: unknown) => boolean,
	expected: string,
	where = '',
): AnswerProblem | undefined {
	const value = isObject(answer) ? answer[name] : undefined;
	return test(value)
		? undefined
		: { expected: `${expected}${where}`, found: isObject(answer) ? value : answer };
}

/** The first problem any of `checks` finds. */
export const first =
	(...checks: AnswerCheck[]): AnswerCheck =>
	(answer) => {
		for (const check of checks) {
			const problem = check(answer);
			if (problem) return problem;
		}
		return undefined;
	};
