/** An expected failure of a sandbox operation (submit, setStatus, control calls); `status` is what HTTP entry points answer. */
export class SandboxError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}
