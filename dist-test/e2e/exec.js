"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.tail = tail;
exports.cleanEnv = cleanEnv;
exports.runCommand = runCommand;
/**
 * Runs one external command with a hard time limit and returns its output; on failure the
 * error names the command, the exit cause and the tail of what it printed.
 */
const node_child_process_1 = require("node:child_process");
const cleanup_1 = require("./cleanup");
const TAIL_CHARS = 4000;
function tail(text, chars = TAIL_CHARS) {
    return text.length > chars ? `…${text.slice(-chars)}` : text;
}
/**
 * Environment for child npm/n8n processes: the caller's environment without the variables
 * `npm run` injects (npm_config_*, npm_package_*, npm_lifecycle_*), so the repo's own
 * npm settings (e.g. ignore-scripts=true) never leak into installs made elsewhere.
 */
function cleanEnv(extra = {}) {
    const env = {};
    for (const [key, value] of Object.entries(process.env)) {
        const lower = key.toLowerCase();
        if (lower.startsWith('npm_config_') ||
            lower.startsWith('npm_package_') ||
            lower.startsWith('npm_lifecycle_')) {
            continue;
        }
        if (key === 'INIT_CWD' || key === 'NODE_OPTIONS' || key === 'NODE_ENV')
            continue;
        env[key] = value;
    }
    return { ...env, ...extra };
}
function runCommand(command, args, options) {
    const label = options.label ?? `${command} ${args.join(' ')}`;
    const started = Date.now();
    return new Promise((resolve, reject) => {
        const child = (0, node_child_process_1.spawn)(command, args, {
            cwd: options.cwd,
            env: options.env ?? cleanEnv(),
            stdio: ['ignore', 'pipe', 'pipe'],
            detached: true,
        });
        let stdout = '';
        let stderr = '';
        let timedOut = false;
        child.stdout.setEncoding('utf8').on('data', (chunk) => {
            stdout = tail(stdout + chunk, 200_000);
        });
        child.stderr.setEncoding('utf8').on('data', (chunk) => {
            stderr = tail(stderr + chunk, 200_000);
        });
        const killGroup = () => {
            try {
                if (child.pid !== undefined)
                    process.kill(-child.pid, 'SIGKILL');
            }
            catch {
                // already gone
            }
        };
        // Killed with this process too (exit, SIGINT, SIGTERM, SIGHUP).
        const untrack = child.pid === undefined ? () => undefined : (0, cleanup_1.trackProcessGroup)(child.pid);
        const timer = setTimeout(() => {
            timedOut = true;
            killGroup();
        }, options.timeoutMs);
        const heartbeat = options.log
            ? setInterval(() => {
                options.log?.(`  … ${label} still running (${Math.round((Date.now() - started) / 1000)} s)`);
            }, options.heartbeatMs ?? 30_000)
            : undefined;
        const finish = () => {
            clearTimeout(timer);
            if (heartbeat)
                clearInterval(heartbeat);
            untrack();
        };
        child.on('error', (error) => {
            finish();
            reject(new Error(`${label}: could not start (${error.message})`));
        });
        child.on('close', (code, signal) => {
            finish();
            const durationMs = Date.now() - started;
            if (code === 0 && !timedOut) {
                resolve({ stdout, stderr, durationMs });
                return;
            }
            const cause = timedOut
                ? `timed out after ${Math.round(options.timeoutMs / 1000)} s`
                : signal
                    ? `killed by ${signal}`
                    : `exit code ${code}`;
            reject(new Error(`${label}: ${cause}\n--- output tail ---\n${tail(`${stdout}\n${stderr}`.trim())}`));
        });
    });
}
//# sourceMappingURL=exec.js.map