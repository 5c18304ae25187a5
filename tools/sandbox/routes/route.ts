// The shape of a route: which requests it takes, whether it needs the API key, and its handler.
import type { RequestContext } from '../http';
import type { SandboxState } from '../state';

export interface Route {
	methods: string[];
	pattern: RegExp;
	/** 'api': the Authorization header must name a practice (401 otherwise) before the handler runs. */
	auth: 'api' | 'none';
	handle(state: SandboxState, ctx: RequestContext, match: RegExpExecArray): void | Promise<void>;
}

export const API_ROOT = '/react4r/v2/';
