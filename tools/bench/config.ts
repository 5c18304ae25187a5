/** What one bench run measures: the full run, or the short CI run that only proves every case still works. */
export interface BenchConfig {
	short: boolean;
	/** Prepare Form items per round (in-process engine and real n8n). */
	items: number;
	/** Rounds of the loopback pairs, and of the canned-answer pairs (those run in the bench process). */
	rounds: number;
	/** Fresh processes the loopback rounds are split over, one after another, then pooled. */
	loopbackProcesses: number;
	/** Items and rounds of the in-process runs at 20 ms latency (the Parallel Requests sweep). */
	latencyItems: number;
	latencyRounds: number;
	/** Items of the CPU-profiled run. */
	profileItems: number;
	/** Items and rounds of the real-n8n comparison. */
	n8nItems: number;
	n8nRounds: number;
	uploadSizesMb: number[];
	downloadSizesMb: number[];
	/** Measured operations per memory child (after one warm-up). */
	memoryRepeats: number;
	notifications: number;
	/** Cold loads of the package per variant. */
	loaderRounds: number;
	/** Whether to start the real n8n: always (full run) or only if its toolchain is already installed. */
	realN8n: 'always' | 'if-installed';
}

export function benchConfig(argv: string[], env: NodeJS.ProcessEnv): BenchConfig {
	const short = argv.includes('--short') || env.BENCH_SHORT === '1';
	if (short) {
		return {
			short,
			items: 50,
			rounds: 1,
			loopbackProcesses: 1,
			latencyItems: 20,
			latencyRounds: 1,
			profileItems: 50,
			n8nItems: 100,
			n8nRounds: 1,
			uploadSizesMb: [5, 20],
			downloadSizesMb: [10],
			memoryRepeats: 1,
			notifications: 20,
			loaderRounds: 2,
			realN8n: 'if-installed',
		};
	}
	return {
		short,
		items: 1000,
		rounds: 20,
		loopbackProcesses: 20,
		latencyItems: 300,
		latencyRounds: 3,
		profileItems: 1000,
		n8nItems: 1000,
		n8nRounds: 3,
		uploadSizesMb: [50, 200, 500],
		downloadSizesMb: [20, 100],
		memoryRepeats: 2,
		notifications: 200,
		loaderRounds: 7,
		realN8n: 'always',
	};
}

export const MB = 1024 * 1024;

/** The realistic scenario: every API answer delayed this long (the sandbox's 'slow' fault). */
export const LATENCY_MS = 20;
