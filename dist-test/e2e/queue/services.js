"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startDaemon = startDaemon;
exports.ensureDebianPackage = ensureDebianPackage;
exports.startRedis = startRedis;
exports.startPostgres = startPostgres;
/**
 * The services queue mode needs beside n8n, each started by this stage on 127.0.0.1 in its
 * own temp folder and stopped again: Redis (Debian `redis-server`) and PostgreSQL (Debian
 * `postgresql`, a throw-away cluster made with initdb). A missing Debian package is
 * installed with apt-get when this process may (root, or password-less sudo).
 */
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_net_1 = require("node:net");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const cleanup_1 = require("../cleanup");
const exec_1 = require("../exec");
const ports_1 = require("../ports");
const toolchain_1 = require("../toolchain");
const MINUTE = 60_000;
const OUTPUT_LIMIT = 500_000;
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
function startDaemon(options) {
    const log = options.log ?? toolchain_1.defaultLog;
    const child = (0, node_child_process_1.spawn)(options.command, options.args, {
        cwd: options.cwd,
        env: options.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
    });
    if (child.pid === undefined)
        throw new Error(`${options.label}: could not start ${options.command}`);
    const pid = child.pid;
    const untrack = (0, cleanup_1.trackProcessGroup)(pid);
    let output = '';
    const onData = (chunk) => {
        output += chunk;
        if (output.length > OUTPUT_LIMIT)
            output = output.slice(-OUTPUT_LIMIT / 2);
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    let exited = false;
    child.on('exit', () => {
        exited = true;
    });
    child.on('error', (error) => {
        exited = true;
        onData(`${options.label}: ${error.message}\n`);
    });
    const groupAlive = () => {
        try {
            process.kill(-pid, 0);
            return true;
        }
        catch {
            return false;
        }
    };
    let stopping;
    let unregister = () => undefined;
    const stop = (graceMs = 10_000) => {
        stopping ??= (async () => {
            unregister();
            for (const signal of [options.stopSignal ?? 'SIGTERM', 'SIGKILL']) {
                if (!groupAlive())
                    break;
                if (signal === 'SIGKILL')
                    log(`${options.label} did not stop within ${graceMs} ms; killing it`);
                try {
                    process.kill(-pid, signal);
                }
                catch {
                    // gone already
                }
                const deadline = Date.now() + (signal === 'SIGKILL' ? 5_000 : graceMs);
                while (groupAlive() && Date.now() < deadline)
                    await sleep(50);
            }
            untrack();
        })();
        return stopping;
    };
    unregister = (0, cleanup_1.onShutdown)(() => stop(5_000));
    return { pid, output: () => output, stop, exited: () => exited };
}
function isRoot() {
    return typeof process.getuid === 'function' && process.getuid() === 0;
}
/**
 * `apt-get install -y <pkg>` (after `apt-get update` if the first try fails: fresh
 * containers have no package lists), as root or through `sudo -n`; otherwise a clear error.
 */
async function ensureDebianPackage(pkg, present, log = toolchain_1.defaultLog) {
    if (present())
        return;
    let prefix;
    if (isRoot())
        prefix = [];
    else if (await (0, exec_1.runCommand)('sudo', ['-n', 'true'], { timeoutMs: 10_000 }).then(() => true, () => false))
        prefix = ['sudo', '-n'];
    else
        throw new Error(`${pkg} is not installed and this user cannot install it: run \`sudo apt-get install -y ${pkg}\` first`);
    const apt = (args) => {
        const [command, ...rest] = [...prefix, 'apt-get', ...args];
        return (0, exec_1.runCommand)(command, rest, {
            env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
            timeoutMs: 5 * MINUTE,
            log,
            label: `apt-get ${args.join(' ')}`,
        });
    };
    const started = Date.now();
    log(`installing the Debian package ${pkg} (apt-get install -y ${pkg})`);
    const first = await apt(['install', '-y', pkg]).then(() => undefined, (error) => error);
    if (first) {
        log(`apt-get install failed (${first.message.split('\n')[0]}); running apt-get update and retrying`);
        await apt(['update']);
        await apt(['install', '-y', pkg]);
    }
    if (!present())
        throw new Error(`apt-get installed ${pkg}, but its programs are still missing`);
    log(`${pkg} installed in ${Math.round((Date.now() - started) / 1000)} s`);
}
/** One RESP round trip on a fresh connection; resolves to the reply's first line or an error. */
function redisCommand(port, command, timeoutMs = 1_000) {
    return new Promise((resolve) => {
        const socket = (0, node_net_1.connect)({ host: ports_1.LOOPBACK, port });
        let reply = '';
        const done = (value) => {
            socket.destroy();
            resolve(value);
        };
        socket.setTimeout(timeoutMs, () => done('timeout'));
        socket.on('error', (error) => done(`error ${error.message}`));
        socket.on('connect', () => socket.write(`${command}\r\n`));
        socket.on('data', (chunk) => {
            reply += chunk.toString('utf8');
            if (reply.includes('\r\n'))
                done(reply.split('\r\n')[0]);
        });
    });
}
const REDIS_SERVER = '/usr/bin/redis-server';
/** A fresh Redis on 127.0.0.1 (no persistence) in a temp folder: no stale keys from other runs. */
async function startRedis(log = toolchain_1.defaultLog) {
    await ensureDebianPackage('redis-server', () => (0, node_fs_1.existsSync)(REDIS_SERVER), log);
    const dir = await node_fs_1.promises.mkdtemp((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'dr-e2e-redis-'));
    const port = await (0, ports_1.freePort)();
    const started = Date.now();
    const daemon = startDaemon({
        label: 'redis-server',
        command: REDIS_SERVER,
        // The options of the verified recipe; `--logfile ""` logs to stdout (kept in output()).
        args: [
            '--bind',
            ports_1.LOOPBACK,
            '--port',
            String(port),
            '--dir',
            dir,
            '--save',
            '',
            '--appendonly',
            'no',
            '--logfile',
            '',
            '--daemonize',
            'no',
        ],
        cwd: dir,
        log,
    });
    const stop = async () => {
        await daemon.stop().catch(() => undefined);
        await node_fs_1.promises.rm(dir, { recursive: true, force: true });
    };
    const deadline = Date.now() + 15_000;
    for (;;) {
        if ((await redisCommand(port, 'PING')) === '+PONG')
            break;
        if (daemon.exited() || Date.now() > deadline) {
            await stop();
            throw new Error(`redis-server did not answer PING on ${ports_1.LOOPBACK}:${port}\n--- redis log ---\n${daemon.output().slice(-3000)}`);
        }
        await sleep(100);
    }
    log(`redis-server on ${ports_1.LOOPBACK}:${port} in ${Date.now() - started} ms`);
    return { port, output: daemon.output, stop };
}
/** The newest /usr/lib/postgresql/<major>/bin holding initdb and postgres. */
function postgresBin() {
    const root = '/usr/lib/postgresql';
    if (!(0, node_fs_1.existsSync)(root))
        return undefined;
    const majors = (0, node_fs_1.readdirSync)(root)
        .filter((name) => /^\d+$/.test(name) &&
        (0, node_fs_1.existsSync)((0, node_path_1.join)(root, name, 'bin', 'initdb')) &&
        (0, node_fs_1.existsSync)((0, node_path_1.join)(root, name, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a));
    return majors.length > 0 ? (0, node_path_1.join)(root, majors[0], 'bin') : undefined;
}
/**
 * A throw-away PostgreSQL cluster on 127.0.0.1 (trust auth, fsync off: test data only). As
 * root the server runs as the `postgres` user (initdb refuses root) through `setpriv`, which
 * execs, so the pid we hold is the postmaster itself.
 */
async function startPostgres(log = toolchain_1.defaultLog) {
    await ensureDebianPackage('postgresql', () => postgresBin() !== undefined, log);
    const bin = postgresBin();
    const dir = await node_fs_1.promises.mkdtemp((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'dr-e2e-pg-'));
    const dataDir = (0, node_path_1.join)(dir, 'data');
    const asOwner = (command, args) => isRoot()
        ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', command, ...args]]
        : [command, args];
    const startedAt = Date.now();
    let started = false;
    let daemon;
    const stop = async () => {
        await daemon?.stop(15_000).catch(() => undefined);
        await node_fs_1.promises.rm(dir, { recursive: true, force: true });
    };
    try {
        if (isRoot()) {
            await (0, exec_1.runCommand)('chown', ['postgres:postgres', dir], { timeoutMs: 10_000 });
            await node_fs_1.promises.chmod(dir, 0o700);
        }
        const [initdb, initdbArgs] = asOwner((0, node_path_1.join)(bin, 'initdb'), [
            '-D',
            dataDir,
            '-U',
            'postgres',
            '--auth=trust',
            '-E',
            'UTF8',
            '--no-sync',
        ]);
        await (0, exec_1.runCommand)(initdb, initdbArgs, { cwd: dir, timeoutMs: MINUTE, label: 'initdb' });
        const port = await (0, ports_1.freePort)();
        const [postgres, postgresArgs] = asOwner((0, node_path_1.join)(bin, 'postgres'), [
            '-D',
            dataDir,
            '-p',
            String(port),
            '-k',
            dir,
            '-c',
            `listen_addresses=${ports_1.LOOPBACK}`,
            '-c',
            'fsync=off',
            '-c',
            'synchronous_commit=off',
            '-c',
            'full_page_writes=off',
        ]);
        daemon = startDaemon({
            label: 'postgres',
            command: postgres,
            args: postgresArgs,
            cwd: dir,
            stopSignal: 'SIGINT',
            log,
        });
        const psql = (0, node_path_1.join)(bin, 'psql');
        const deadline = Date.now() + 30_000;
        for (;;) {
            const ready = await (0, exec_1.runCommand)(psql, ['-h', ports_1.LOOPBACK, '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-Atc', 'select 1'], {
                timeoutMs: 5_000,
            }).then(() => true, () => false);
            if (ready)
                break;
            if (daemon.exited() || Date.now() > deadline) {
                throw new Error(`postgres did not accept connections on ${ports_1.LOOPBACK}:${port}\n--- postgres log ---\n${daemon.output().slice(-3000)}`);
            }
            await sleep(100);
        }
        const database = 'n8n';
        await (0, exec_1.runCommand)(psql, [
            '-h',
            ports_1.LOOPBACK,
            '-p',
            String(port),
            '-U',
            'postgres',
            '-d',
            'postgres',
            '-c',
            `create database ${database}`,
        ], {
            timeoutMs: 30_000,
            label: 'create database',
        });
        const { stdout } = await (0, exec_1.runCommand)((0, node_path_1.join)(bin, 'postgres'), ['--version'], { timeoutMs: 10_000 });
        log(`${stdout.trim()} on ${ports_1.LOOPBACK}:${port} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
        const running = daemon;
        const query = async (sql) => {
            const { stdout } = await (0, exec_1.runCommand)(psql, ['-h', ports_1.LOOPBACK, '-p', String(port), '-U', 'postgres', '-d', database, '-AtF', '\t', '-c', sql], {
                timeoutMs: 30_000,
                label: 'psql',
            });
            return stdout
                .split('\n')
                .filter((line) => line !== '')
                .map((line) => line.split('\t'));
        };
        started = true;
        return {
            query,
            port,
            database,
            user: 'postgres',
            output: () => running.output(),
            stop,
            n8nEnv: {
                DB_TYPE: 'postgresdb',
                DB_POSTGRESDB_HOST: ports_1.LOOPBACK,
                DB_POSTGRESDB_PORT: String(port),
                DB_POSTGRESDB_DATABASE: database,
                DB_POSTGRESDB_USER: 'postgres',
                DB_POSTGRESDB_PASSWORD: 'unused-trust-auth',
            },
        };
    }
    finally {
        if (!started)
            await stop();
    }
}
//# sourceMappingURL=services.js.map