// `node dist-tools/tools/sandbox/cli.js [--port N]`: runs the sandbox until Ctrl-C / SIGTERM.
// The port defaults to 8787; SANDBOX_PORT is accepted too (the flag wins).
import { startSandbox } from './server';

export const DEFAULT_PORT = 8787;

function portFrom(argv: string[], env: NodeJS.ProcessEnv): number {
	const index = argv.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
	const raw =
		index < 0 ? env.SANDBOX_PORT : argv[index].includes('=') ? argv[index].split('=')[1] : argv[index + 1];
	if (raw === undefined || raw === '') return DEFAULT_PORT;
	const port = Number(raw);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		console.error(`Invalid port: ${raw}`);
		process.exit(2);
	}
	return port;
}

async function main(): Promise<void> {
	const sandbox = await startSandbox({ port: portFrom(process.argv.slice(2), process.env) });
	const lines = [
		`Dental Referrals API sandbox listening on ${sandbox.origin}`,
		`API base URL: ${sandbox.baseUrl}`,
		'',
		'Demo practices:',
		...sandbox.practices.map(
			(practice) =>
				`  ${practice.name}\n    API key: ${practice.apiKey}\n    forms:   ${practice.forms.join(', ')}`,
		),
		'',
		`Try: curl -H "Authorization: Token token=${sandbox.practices[0].apiKey}" ${sandbox.baseUrl}available_forms`,
		`Control endpoints (tests): ${sandbox.origin}/__sandbox/requests, /__sandbox/submit, ...`,
		'Stop with Ctrl-C (SIGINT) or SIGTERM.',
	];
	console.log(lines.join('\n'));

	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping the sandbox`);
		void sandbox.close().then(() => process.exit(0));
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: Error) => {
	console.error(`Could not start the sandbox: ${error.message}`);
	process.exit(1);
});
