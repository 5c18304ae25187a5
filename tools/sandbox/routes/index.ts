// Every route of the sandbox, API first.
import type { RequestContext } from '../http';
import { sendJson } from '../http';
import { documentRoutes } from './documents';
import { fileuploadRoutes } from './fileuploads';
import { formRoutes } from './forms';
import { preparedFormRoutes } from './prepared-forms';
import { referralRoutes } from './referrals';
import type { Route } from './route';
import { API_ROOT } from './route';

const rootRoute: Route = {
	methods: ['GET'],
	pattern: new RegExp(`^${API_ROOT}?$`),
	auth: 'api',
	handle: (_state, ctx: RequestContext) => sendJson(ctx, 200, { status: 'success' }),
};

export const ROUTES: Route[] = [
	rootRoute,
	...formRoutes,
	...referralRoutes,
	...fileuploadRoutes,
	...documentRoutes,
	...preparedFormRoutes,
];

/** Paths that need the API key even when no route matches them (so unknown API paths answer 401 before 404). */
export function isAuthenticatedArea(path: string): boolean {
	return path.startsWith(API_ROOT) || path === API_ROOT.slice(0, -1) || path.startsWith('/documents/');
}

export type { Route };
