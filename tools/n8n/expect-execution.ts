import type { Execution } from './n8n-api';

/** For e2e tests: the execution succeeded; on failure jest shows n8n's error message beside the status. */
export function expectSuccess(execution: Execution): void {
	const error = execution.data?.resultData.error;
	expect({ status: execution.status, error: error?.message }).toEqual({
		status: 'success',
		error: undefined,
	});
}
