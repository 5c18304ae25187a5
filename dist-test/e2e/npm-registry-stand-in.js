"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REGISTRY_HOST = void 0;
exports.startRegistryStandIn = startRegistryStandIn;
/**
 * A stand-in for https://registry.npmjs.org on loopback, so that a real n8n can install this
 * package the way its Community Nodes screen does (`POST /rest/community-packages`), which it
 * only does from the public registry: n8n 2.41.1 refuses any other registry URL without an
 * enterprise licence, and the public registry is not reachable from here.
 *
 * It is an HTTP proxy (CONNECT) that lets through only `registry.npmjs.org:443`, and answers that
 * host itself over TLS with a certificate from a throwaway CA made for the run (openssl). n8n and
 * the npm it runs are pointed at it with the standard settings for a process's environment only
 * (HTTPS_PROXY, NO_PROXY, NODE_EXTRA_CA_CERTS, npm_config_*: own cache, own empty user config),
 * nothing on the machine is changed. The registry serves exactly the tarballs given to it: the
 * packument, version documents and tarballs of one package; everything else is 404, and every
 * other host the proxy is asked for is refused (n8n's own calls to api.n8n.io then fail as they do
 * offline, which n8n treats as "package not banned").
 */
const node_child_process_1 = require("node:child_process");
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_http_1 = require("node:http");
const node_https_1 = require("node:https");
const node_net_1 = require("node:net");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const node_util_1 = require("node:util");
const ports_1 = require("./ports");
const run = (0, node_util_1.promisify)(node_child_process_1.execFile);
exports.REGISTRY_HOST = 'registry.npmjs.org';
const REGISTRY = `https://${exports.REGISTRY_HOST}`;
async function makeCertificates(dir) {
    const file = (name) => (0, node_path_1.join)(dir, name);
    const days = ['-days', '2'];
    await run('openssl', [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        file('ca.key'),
        '-out',
        file('ca.pem'),
        ...days,
        '-subj',
        '/CN=n8n-nodes-dental-referrals e2e throwaway CA',
        '-addext',
        'basicConstraints=critical,CA:TRUE',
        '-addext',
        'keyUsage=critical,keyCertSign,cRLSign',
    ]);
    await run('openssl', [
        'req',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        file('leaf.key'),
        '-out',
        file('leaf.csr'),
        '-subj',
        `/CN=${exports.REGISTRY_HOST}`,
    ]);
    await node_fs_1.promises.writeFile(file('leaf.ext'), `subjectAltName=DNS:${exports.REGISTRY_HOST}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\nkeyUsage=digitalSignature,keyEncipherment\n`);
    await run('openssl', [
        'x509',
        '-req',
        '-in',
        file('leaf.csr'),
        '-CA',
        file('ca.pem'),
        '-CAkey',
        file('ca.key'),
        '-CAcreateserial',
        '-out',
        file('leaf.pem'),
        ...days,
        '-extfile',
        file('leaf.ext'),
    ]);
    return {
        caFile: file('ca.pem'),
        key: await node_fs_1.promises.readFile(file('leaf.key')),
        cert: await node_fs_1.promises.readFile(file('leaf.pem')),
    };
}
async function readManifest(tarballPath) {
    const { stdout } = await run('tar', ['-xzOf', tarballPath, 'package/package.json'], { maxBuffer: 1 << 20 });
    return JSON.parse(stdout);
}
function listen(server) {
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, ports_1.LOOPBACK, () => resolve(server.address().port));
    });
}
async function startRegistryStandIn() {
    const dir = await node_fs_1.promises.mkdtemp((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'dr-e2e-registry-'));
    const { caFile, key, cert } = await makeCertificates(dir);
    const packages = new Map();
    const latest = new Map();
    const requests = [];
    const refused = [];
    const tarballUrl = (name, version) => `${REGISTRY}/${name}/-/${name}-${version}.tgz`;
    const versionDocument = (published) => ({
        ...published.manifest,
        _id: `${published.manifest.name}@${published.manifest.version}`,
        dist: {
            tarball: tarballUrl(published.manifest.name, published.manifest.version),
            shasum: (0, node_crypto_1.createHash)('sha1').update(published.tarball).digest('hex'),
            integrity: `sha512-${(0, node_crypto_1.createHash)('sha512').update(published.tarball).digest('base64')}`,
        },
    });
    const registry = (0, node_https_1.createServer)({ key, cert }, (req, res) => {
        const path = decodeURIComponent(new URL(req.url ?? '/', REGISTRY).pathname);
        requests.push({ method: req.method ?? 'GET', path });
        const send = (status, body, type = 'application/json') => {
            const payload = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
            res.writeHead(status, { 'Content-Type': type, 'Content-Length': String(payload.length) });
            res.end(payload);
        };
        const [, name, second, third] = /^\/([^/]+)(?:\/([^/]+))?(?:\/([^/]+))?$/.exec(path) ?? [];
        const versions = name ? packages.get(name) : undefined;
        if (req.method !== 'GET' || !name || !versions)
            return send(404, { error: 'Not found' });
        if (!second) {
            return send(200, {
                _id: name,
                name,
                'dist-tags': { latest: latest.get(name) },
                versions: Object.fromEntries([...versions].map(([version, published]) => [version, versionDocument(published)])),
            });
        }
        if (second === '-' && third) {
            const match = [...versions.values()].find((published) => third === `${name}-${published.manifest.version}.tgz`);
            return match ? send(200, match.tarball, 'application/octet-stream') : send(404, { error: 'Not found' });
        }
        const published = versions.get(second === 'latest' ? (latest.get(name) ?? '') : second);
        return published && !third ? send(200, versionDocument(published)) : send(404, { error: 'Not found' });
    });
    const registryPort = await listen(registry);
    const sockets = new Set();
    const proxy = (0, node_http_1.createServer)((req, res) => {
        refused.push(`${req.method} ${req.url}`);
        res.writeHead(403).end();
    });
    proxy.on('connect', (req, client, head) => {
        sockets.add(client);
        client.on('close', () => sockets.delete(client));
        client.on('error', () => client.destroy());
        if (req.url !== `${exports.REGISTRY_HOST}:443`) {
            refused.push(String(req.url));
            client.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
            return;
        }
        const upstream = (0, node_net_1.connect)(registryPort, ports_1.LOOPBACK, () => {
            client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
            if (head.length)
                upstream.write(head);
            upstream.pipe(client);
            client.pipe(upstream);
        });
        sockets.add(upstream);
        upstream.on('close', () => sockets.delete(upstream));
        upstream.on('error', () => client.destroy());
    });
    const proxyPort = await listen(proxy);
    const proxyUrl = `http://${ports_1.LOOPBACK}:${proxyPort}`;
    const npmrc = (0, node_path_1.join)(dir, 'npmrc');
    await node_fs_1.promises.writeFile(npmrc, '');
    return {
        proxyUrl,
        caFile,
        requests,
        refused,
        env: () => ({
            HTTPS_PROXY: proxyUrl,
            https_proxy: proxyUrl,
            HTTP_PROXY: proxyUrl,
            http_proxy: proxyUrl,
            NO_PROXY: `${ports_1.LOOPBACK},localhost`,
            no_proxy: `${ports_1.LOOPBACK},localhost`,
            NODE_EXTRA_CA_CERTS: caFile,
            npm_config_https_proxy: proxyUrl,
            npm_config_proxy: proxyUrl,
            npm_config_noproxy: `${ports_1.LOOPBACK},localhost`,
            npm_config_cafile: caFile,
            npm_config_cache: (0, node_path_1.join)(dir, 'npm-cache'),
            npm_config_userconfig: npmrc,
            npm_config_update_notifier: 'false',
            npm_config_fund: 'false',
            npm_config_audit: 'false',
        }),
        async publish(tarballPath) {
            const manifest = await readManifest(tarballPath);
            const tarball = await node_fs_1.promises.readFile(tarballPath);
            if (!packages.has(manifest.name))
                packages.set(manifest.name, new Map());
            packages.get(manifest.name).set(manifest.version, { manifest, tarball });
            latest.set(manifest.name, manifest.version);
            return { name: manifest.name, version: manifest.version };
        },
        async close() {
            for (const socket of sockets)
                socket.destroy();
            await Promise.all([
                new Promise((resolve) => proxy.close(resolve)),
                new Promise((resolve) => registry.close(resolve)),
            ]);
            await node_fs_1.promises.rm(dir, { recursive: true, force: true });
        },
    };
}
//# sourceMappingURL=npm-registry-stand-in.js.map