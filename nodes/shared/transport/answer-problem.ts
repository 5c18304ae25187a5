/** What an answer lacks: the expectation, as a message names it, and what was there instead. */
export interface AnswerProblem {
	expected: string;
	found: unknown;
}

/** Checks a successful answer against its documented shape (each API method brings its own). */
export type AnswerCheck = (answer: unknown) => AnswerProblem | undefined;

/** A value's kind for a message: never the value itself (it could be anything the server sent). */
export function kindOf(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string') return value.trim() === '' ? 'empty text' : 'text';
	return `a ${typeof value}`;
}
