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
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { LOOPBACK } from './ports';

const run = promisify(execFile);
export const REGISTRY_HOST = 'registry.npmjs.org';
const REGISTRY = `https://${REGISTRY_HOST}`;

interface Published {
	manifest: Record<string, unknown> & { name: string; version: string };
	tarball: Buffer;
}

export interface RegistryRequest {
	method: string;
	path: string;
}

export interface RegistryStandIn {
	/** `http://127.0.0.1:<port>`: the proxy to give n8n and npm. */
	proxyUrl: string;
	/** The throwaway CA's certificate (PEM file). */
	caFile: string;
	/** Environment for the n8n process (and so the npm it runs). */
	env(): NodeJS.ProcessEnv;
	/**
	 * The same npm settings as a project `.npmrc`, for an npm that does not get the environment:
	 * n8n 1.x runs its update check (`npm outdated` in its nodes folder) with only PATH,
	 * NODE_PATH and NODE_ENV, so proxy and CA reach that npm only through a config file.
	 */
	npmrc(): string;
	/** Serves this tarball (its package.json decides name and version) and makes it `latest`. */
	publish(tarballPath: string): Promise<{ name: string; version: string }>;
	/** Requests the registry answered (proof that n8n's npm went through it). */
	requests: RegistryRequest[];
	/** CONNECT targets that were refused. */
	refused: string[];
	close(): Promise<void>;
}

async function makeCertificates(dir: string): Promise<{ caFile: string; key: Buffer; cert: Buffer }> {
	const file = (name: string) => join(dir, name);
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
		`/CN=${REGISTRY_HOST}`,
	]);
	await fs.writeFile(
		file('leaf.ext'),
		`subjectAltName=DNS:${REGISTRY_HOST}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\nkeyUsage=digitalSignature,keyEncipherment\n`,
	);
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
		key: await fs.readFile(file('leaf.key')),
		cert: await fs.readFile(file('leaf.pem')),
	};
}

async function readManifest(tarballPath: string): Promise<Published['manifest']> {
	const { stdout } = await run('tar', ['-xzOf', tarballPath, 'package/package.json'], { maxBuffer: 1 << 20 });
	return JSON.parse(stdout) as Published['manifest'];
}

function listen(server: Server): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, LOOPBACK, () => resolve((server.address() as { port: number }).port));
	});
}

export async function startRegistryStandIn(): Promise<RegistryStandIn> {
	const dir = await fs.mkdtemp(join(tmpdir(), 'dr-e2e-registry-'));
	const { caFile, key, cert } = await makeCertificates(dir);
	const packages = new Map<string, Map<string, Published>>();
	const latest = new Map<string, string>();
	const requests: RegistryRequest[] = [];
	const refused: string[] = [];

	const tarballUrl = (name: string, version: string) => `${REGISTRY}/${name}/-/${name}-${version}.tgz`;
	const versionDocument = (published: Published) => ({
		...published.manifest,
		_id: `${published.manifest.name}@${published.manifest.version}`,
		dist: {
			tarball: tarballUrl(published.manifest.name, published.manifest.version),
			shasum: createHash('sha1').update(published.tarball).digest('hex'),
			integrity: `sha512-${createHash('sha512').update(published.tarball).digest('base64')}`,
		},
	});

	const registry = createHttpsServer({ key, cert }, (req: IncomingMessage, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', REGISTRY).pathname);
		requests.push({ method: req.method ?? 'GET', path });
		const send = (status: number, body: unknown, type = 'application/json') => {
			const payload = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
			res.writeHead(status, { 'Content-Type': type, 'Content-Length': String(payload.length) });
			res.end(payload);
		};
		const [, name, second, third] = /^\/([^/]+)(?:\/([^/]+))?(?:\/([^/]+))?$/.exec(path) ?? [];
		const versions = name ? packages.get(name) : undefined;
		if (req.method !== 'GET' || !name || !versions) return send(404, { error: 'Not found' });
		if (!second) {
			return send(200, {
				_id: name,
				name,
				'dist-tags': { latest: latest.get(name) },
				versions: Object.fromEntries(
					[...versions].map(([version, published]) => [version, versionDocument(published)]),
				),
			});
		}
		if (second === '-' && third) {
			const match = [...versions.values()].find(
				(published) => third === `${name}-${published.manifest.version}.tgz`,
			);
			return match ? send(200, match.tarball, 'application/octet-stream') : send(404, { error: 'Not found' });
		}
		const published = versions.get(second === 'latest' ? (latest.get(name) ?? '') : second);
		return published && !third ? send(200, versionDocument(published)) : send(404, { error: 'Not found' });
	});
	const registryPort = await listen(registry);

	const sockets = new Set<Socket>();
	const proxy = createHttpServer((req, res) => {
		refused.push(`${req.method} ${req.url}`);
		res.writeHead(403).end();
	});
	proxy.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
		sockets.add(client);
		client.on('close', () => sockets.delete(client));
		client.on('error', () => client.destroy());
		if (req.url !== `${REGISTRY_HOST}:443`) {
			refused.push(String(req.url));
			client.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
			return;
		}
		const upstream = connect(registryPort, LOOPBACK, () => {
			client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			if (head.length) upstream.write(head);
			upstream.pipe(client);
			client.pipe(upstream);
		});
		sockets.add(upstream);
		upstream.on('close', () => sockets.delete(upstream));
		upstream.on('error', () => client.destroy());
	});
	const proxyPort = await listen(proxy);
	const proxyUrl = `http://${LOOPBACK}:${proxyPort}`;
	const userconfig = join(dir, 'npmrc');
	await fs.writeFile(userconfig, '');
	const noProxy = `${LOOPBACK},localhost`;
	// npm's own names; env() passes them as npm_config_*, npmrc() as lines of a config file.
	const npmSettings: Record<string, string> = {
		'https-proxy': proxyUrl,
		proxy: proxyUrl,
		noproxy: noProxy,
		cafile: caFile,
		cache: join(dir, 'npm-cache'),
		'update-notifier': 'false',
		fund: 'false',
		audit: 'false',
	};

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
			NO_PROXY: noProxy,
			no_proxy: noProxy,
			NODE_EXTRA_CA_CERTS: caFile,
			...Object.fromEntries(
				Object.entries(npmSettings).map(([key, value]) => [`npm_config_${key.replace(/-/g, '_')}`, value]),
			),
			npm_config_userconfig: userconfig,
		}),
		npmrc: () =>
			Object.entries(npmSettings)
				.map(([key, value]) => `${key}=${value}\n`)
				.join(''),
		async publish(tarballPath) {
			const manifest = await readManifest(tarballPath);
			const tarball = await fs.readFile(tarballPath);
			if (!packages.has(manifest.name)) packages.set(manifest.name, new Map());
			packages.get(manifest.name)!.set(manifest.version, { manifest, tarball });
			latest.set(manifest.name, manifest.version);
			return { name: manifest.name, version: manifest.version };
		},
		async close() {
			for (const socket of sockets) socket.destroy();
			await Promise.all([
				new Promise((resolve) => proxy.close(resolve)),
				new Promise((resolve) => registry.close(resolve)),
			]);
			await fs.rm(dir, { recursive: true, force: true });
		},
	};
}
