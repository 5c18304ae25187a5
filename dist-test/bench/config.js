"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LATENCY_MS = exports.MB = void 0;
exports.benchConfig = benchConfig;
function benchConfig(argv, env) {
    const short = argv.includes('--short') || env.BENCH_SHORT === '1';
    if (short) {
        return {
            short,
            items: 50,
            rounds: 1,
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
        rounds: 7,
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
exports.MB = 1024 * 1024;
/** The realistic scenario: every API answer delayed this long (the sandbox's 'slow' fault). */
exports.LATENCY_MS = 20;
//# sourceMappingURL=config.js.map