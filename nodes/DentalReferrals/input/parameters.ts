import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { URN_PATTERN } from '../../shared/notification';
import { inputError } from './input-error';
import { nodeOf } from '../../shared/node-of';

/**
 * Parameters often come from expressions, so they can hold any JSON value. These readers
 * accept only what the field means and refuse the rest naming the field and the item —
 * never coercing (true is not 1, [5] is not 5) and never calling String()/Number() on an
 * object, which throws for data such as {"toString": "x"}.
 */

export function kindOf(value: unknown): string {
	if (value === undefined || value === null) return 'nothing';
	if (Array.isArray(value)) return 'an array';
	if (value instanceof Date) return 'a date';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'boolean') return 'a boolean';
	if (typeof value === 'number') return 'a number';
	return 'text';
}

/** A value as an error message shows it: text quoted (cut at 40 characters), anything else by kind. */
export function describeValue(value: unknown): string {
	return typeof value === 'string' ? `"${value.slice(0, 40)}"` : kindOf(value);
}

export function toNumber(node: INode, itemIndex: number, field: string, value: unknown): number {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value.trim()))) {
		return Number(value.trim());
	}
	throw inputError(node, itemIndex, field, `expected a number, got ${describeValue(value)}`);
}

export function toText(node: INode, itemIndex: number, field: string, value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	throw inputError(node, itemIndex, field, `expected text, got ${kindOf(value)}`);
}

const FLAG_TEXT: Record<string, '1' | '0'> = { '1': '1', '0': '0', true: '1', false: '0' };

/**
 * A switch the API documents as "Numeric, one of 0, 1" (permission_sms, urgent,
 * medical_forms_as_single_file), as '1' or '0'. From expressions it arrives as a boolean, as the
 * API's own 1 / 0, or as text from a spreadsheet or practice system ("1", " TRUE "); anything
 * else is refused rather than guessed.
 */
export function toFlag(node: INode, itemIndex: number, field: string, value: unknown): '1' | '0' {
	if (typeof value === 'boolean') return value ? '1' : '0';
	if (value === 1 || value === 0) return value === 1 ? '1' : '0';
	const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
	if (text !== undefined && Object.prototype.hasOwnProperty.call(FLAG_TEXT, text)) return FLAG_TEXT[text];
	throw inputError(node, itemIndex, field, `expected true, false, 1 or 0, got ${describeValue(value)}`);
}

// Per node run: parameters whose stored value holds no expression, read once. Such a value is
// the same for every item, and n8n's getNodeParameter (which copies, resolves and validates
// it) would otherwise run for each item again.
const constants = new WeakMap<object, Map<string, unknown>>();

function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(hasExpression);
	if (value && typeof value === 'object') return Object.values(value).some(hasExpression);
	return false;
}

/**
 * this.getNodeParameter(name, itemIndex, fallback), read once per run when it holds no expression.
 * With `extractValue`, a resource locator (node version 2) gives its value; a version 1 text is unchanged.
 */
export function nodeParameter(
	this: IExecuteFunctions,
	name: string,
	itemIndex: number,
	fallback?: unknown,
	extractValue = false,
): unknown {
	let cache = constants.get(this);
	if (!cache) {
		cache = new Map();
		constants.set(this, cache);
	}
	const key = extractValue ? `${name}\u0000value` : name;
	if (cache.has(key)) return cache.get(key);
	const value: unknown = this.getNodeParameter(name, itemIndex, fallback, { extractValue });
	let stored: unknown = nodeOf(this).parameters;
	for (const part of name.split('.')) stored = (stored as Record<string, unknown> | undefined)?.[part];
	if (!hasExpression(stored)) cache.set(key, value);
	return value;
}

export function numberParameter(
	this: IExecuteFunctions,
	name: string,
	itemIndex: number,
	field: string,
	fallback: number,
): number {
	return toNumber(nodeOf(this), itemIndex, field, nodeParameter.call(this, name, itemIndex, fallback));
}

/** A text parameter, trimmed. */
export function textParameter(
	this: IExecuteFunctions,
	name: string,
	itemIndex: number,
	field: string,
	fallback = '',
): string {
	return toText(nodeOf(this), itemIndex, field, nodeParameter.call(this, name, itemIndex, fallback)).trim();
}

/** A text or resource locator parameter (either node version), trimmed. */
export function locatorParameter(
	this: IExecuteFunctions,
	name: string,
	itemIndex: number,
	field: string,
): string {
	return toText(nodeOf(this), itemIndex, field, nodeParameter.call(this, name, itemIndex, '', true)).trim();
}

/** A whole number within bounds, e.g. Limit or File Upload ID. */
export function wholeNumberParameter(
	this: IExecuteFunctions,
	name: string,
	itemIndex: number,
	field: string,
	bounds: { min: number; max: number; fallback: number },
): number {
	const value = numberParameter.call(this, name, itemIndex, field, bounds.fallback);
	if (!Number.isInteger(value) || value < bounds.min || value > bounds.max) {
		const range =
			bounds.max === Number.MAX_SAFE_INTEGER
				? `a whole number of at least ${bounds.min}`
				: `a whole number from ${bounds.min} to ${bounds.max}`;
		throw inputError(nodeOf(this), itemIndex, field, `must be ${range}, got ${value}`);
	}
	return value;
}

/** A required text parameter that must match `pattern`; `problem` says what else it got. */
function requiredMatching(
	this: IExecuteFunctions,
	itemIndex: number,
	parameter: {
		name: string;
		field: string;
		pattern: RegExp;
		problem: (value: string) => string;
		locator?: boolean;
	},
): string {
	const read = parameter.locator ? locatorParameter : textParameter;
	const value = read.call(this, parameter.name, itemIndex, parameter.field);
	if (value === '') throw inputError(nodeOf(this), itemIndex, parameter.field, 'is required');
	if (!parameter.pattern.test(value)) {
		throw inputError(nodeOf(this), itemIndex, parameter.field, parameter.problem(value));
	}
	return value;
}

/** The PTGUID parameter of item `itemIndex`, required and shaped like Base64. */
export function ptguidParameter(this: IExecuteFunctions, itemIndex: number): string {
	return requiredMatching.call(this, itemIndex, {
		name: 'ptguid',
		field: 'PTGUID',
		// A PTGUID is Base64 of the API key and the patient identifier.
		pattern: /^[A-Za-z0-9+/=_-]{1,512}$/,
		problem: () => 'is not a PTGUID (Base64 text from Prepare Form or Save Draft)',
	});
}

/** The URN parameter of item `itemIndex`, required and shaped like a URN. */
export function urnParameter(this: IExecuteFunctions, itemIndex: number): string {
	return requiredMatching.call(this, itemIndex, {
		name: 'urn',
		field: 'URN',
		pattern: URN_PATTERN,
		locator: true,
		problem: (urn) => `"${urn.slice(0, 40)}" is not a referral URN such as TST0000001`,
	});
}
