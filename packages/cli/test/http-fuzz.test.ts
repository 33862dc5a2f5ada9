// SPDX-License-Identifier: Apache-2.0
// The two HTTP servers clitel runs (`clitel dev` and `clitel dashboard --serve`), as real
// processes, facing malformed and hostile requests written byte by byte on a raw socket: bad
// paths, methods, headers and bodies, then a seeded random mix of them. Every request gets a 4xx
// (or the connection is closed, for a body cut short), never a 5xx; the process stays up and
// still answers a good request correctly afterwards.
import { connect } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { createRandom, generateRuns, toOtlpRequests } from './helpers/dataset.js';
import { sampleSpans } from './helpers/readable-spans.js';
import { runClitel, startClitel, type ClitelProcess } from './helpers/clitel-process.js';

/** Writes `request` on a fresh socket; resolves to the status of the answer, or undefined if closed without one. */
function rawRequest(url: string, request: Buffer | string, options: { halfClose?: boolean } = {}): Promise<number | undefined> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let data = '';
    const done = (): void => {
      clearTimeout(timer);
      socket.destroy();
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(data);
      resolve(match == null ? undefined : Number(match[1]));
    };
    const timer = setTimeout(done, 10_000);
    socket.on('data', (chunk: Buffer) => {
      data += chunk.toString('latin1');
      if (/^HTTP\/1\.[01] \d{3}/.test(data)) done();
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.write(request, () => { if (options.halfClose === true) socket.end(); });
  });
}

const head = (method: string, path: string, headers: Record<string, string> = {}): string =>
  `${method} ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;

const post = (path: string, body: Buffer | string, headers: Record<string, string> = {}): Buffer => {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'latin1') : body;
  return Buffer.concat([Buffer.from(head('POST', path, { 'content-length': String(bytes.length), ...headers }), 'latin1'), bytes]);
};

const MALFORMED_PATHS = ['/%', '/%E0%A4%A', '/%ZZ', '/..%2f..%2f..%2fetc%2fpasswd', '/../../etc/passwd', `/${'a'.repeat(8_000)}`, '*', 'http://evil.example/v1/traces', '/v1/traces%00', '/v1//traces', '/\u00ff\u00fe'];
const METHODS = ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'FOO', 'CONNECT', 'PROPFIND'];
const JSON_TYPE = { 'content-type': 'application/json' };
const DEEP = `{"resourceSpans":[{"resource":{"attributes":[{"key":"k","value":${'{"kvlistValue":{"values":[{"key":"k","value":'.repeat(20_000)}{}${']}}'.repeat(20_000)}}]}}]}`;

/** Requests that must each be answered with a 4xx (or cut off, where marked), for either server. */
function hostileRequests(bodyPath: string): { name: string; bytes: Buffer | string; cutOff?: boolean }[] {
  return [
    ...MALFORMED_PATHS.map((p) => ({ name: `GET ${p.slice(0, 30)}`, bytes: head('GET', p) })),
    ...MALFORMED_PATHS.map((p) => ({ name: `POST ${p.slice(0, 30)}`, bytes: post(p, '{}', JSON_TYPE) })),
    ...METHODS.map((m) => ({ name: `${m} ${bodyPath}`, bytes: head(m, bodyPath, { 'content-length': '0' }) })),
    { name: 'no HTTP version', bytes: `POST ${bodyPath}\r\n\r\n` },
    { name: 'garbage request line', bytes: '\u0000\u0001\u0002 \u00ff\r\n\r\n' },
    { name: 'HTTP/9.9', bytes: `GET ${bodyPath} HTTP/9.9\r\nhost: x\r\n\r\n` },
    { name: 'header too large', bytes: head('GET', bodyPath, { 'x-big': 'b'.repeat(40_000) }) },
    { name: 'header with a newline in its name', bytes: `GET ${bodyPath} HTTP/1.1\r\nhost: x\r\nbad header: v\r\n\r\n` },
    { name: 'two content-lengths', bytes: `POST ${bodyPath} HTTP/1.1\r\nhost: x\r\ncontent-length: 2\r\ncontent-length: 5\r\n\r\n{}` },
    { name: 'negative content-length', bytes: `POST ${bodyPath} HTTP/1.1\r\nhost: x\r\ncontent-length: -1\r\n\r\n` },
    { name: 'content-length and chunked', bytes: `POST ${bodyPath} HTTP/1.1\r\nhost: x\r\ncontent-length: 3\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n` },
    { name: 'broken chunk size', bytes: `POST ${bodyPath} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n` },
    { name: 'body cut short', bytes: `POST ${bodyPath} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"resourceSpans":`, cutOff: true },
    { name: 'random bytes as protobuf', bytes: post(bodyPath, Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 131 + 7) % 256)), { 'content-type': 'application/x-protobuf' }) },
    { name: 'a truncated varint', bytes: post(bodyPath, Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), { 'content-type': 'application/x-protobuf' }) },
    { name: 'invalid UTF-8 JSON', bytes: post(bodyPath, Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]), JSON_TYPE) },
    { name: 'JSON nested 20 000 deep', bytes: post(bodyPath, DEEP, JSON_TYPE) },
    { name: 'gzip header, junk after', bytes: post(bodyPath, Buffer.concat([gzipSync('{}').subarray(0, 10), Buffer.from('junk')]), { ...JSON_TYPE, 'content-encoding': 'gzip' }) },
    { name: 'a gzip bomb over the limit', bytes: post(bodyPath, gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20)), { ...JSON_TYPE, 'content-encoding': 'gzip' }) },
    { name: 'unknown content-encoding', bytes: post(bodyPath, '{}', { ...JSON_TYPE, 'content-encoding': 'br, zstd' }) },
    { name: 'unknown content-type', bytes: post(bodyPath, '<xml/>', { 'content-type': 'text/xml; charset=\u00ff' }) },
  ];
}

/** A seeded mix of the pieces above: `count` requests of random path, method, headers and body. */
function randomRequests(seed: number, count: number, paths: readonly string[]): Buffer[] {
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const bodies = [Buffer.alloc(0), Buffer.from('{}'), Buffer.from('{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"zz"}]}]}]}'), Buffer.from([0x0a, 0x02, 0x0a]), Buffer.from('\u0000'.repeat(64)), Buffer.from(DEEP.slice(0, 5_000))];
  const types = ['application/json', 'application/x-protobuf', 'text/plain', '', 'application/json; charset=utf-16'];
  const encodings = ['', 'gzip', 'deflate', 'identity', 'x-unknown'];
  return Array.from({ length: count }, () => {
    const body = pick(bodies);
    const headers: Record<string, string> = { 'content-length': String(body.length) };
    const type = pick(types);
    if (type !== '') headers['content-type'] = type;
    const encoding = pick(encodings);
    if (encoding !== '') headers['content-encoding'] = encoding;
    return Buffer.concat([Buffer.from(head(pick(['GET', 'POST', 'POST', 'PUT', 'HEAD', 'DELETE']), pick(paths), headers), 'latin1'), body]);
  });
}

async function attack(server: ClitelProcess, bodyPath: string, paths: readonly string[]): Promise<{ requests: number; statuses: Map<string, number | undefined> }> {
  const statuses = new Map<string, number | undefined>();
  let requests = 0;
  for (const request of hostileRequests(bodyPath)) {
    const status = await rawRequest(server.url, request.bytes);
    requests += 1;
    statuses.set(request.name, status);
    // A body cut short may be answered before it is read (405 on the dashboard) or not at all.
    if (request.cutOff !== true || status != null) {
      expect(status ?? 0, request.name).toBeGreaterThanOrEqual(400);
      expect(status, request.name).toBeLessThan(500);
    }
    expect(server.alive(), `the server died on: ${request.name}`).toBe(true);
  }
  const random = randomRequests(7, 150, paths);
  for (let i = 0; i < random.length; i += 10) {
    const answers = await Promise.all(random.slice(i, i + 10).map((r) => rawRequest(server.url, r)));
    requests += answers.length;
    for (const status of answers) {
      expect(status).toBeDefined();
      expect(status as number).toBeLessThan(500);
    }
    expect(server.alive()).toBe(true);
  }
  return { requests, statuses };
}

describe('the HTTP servers under malformed and hostile requests', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clitel-fuzz-'));
    const runs = generateRuns({ lastDay: '2026-04-30', days: 3, installations: 4, seed: 2 });
    writeFileSync(join(dir, 'spans.json'), toOtlpRequests(runs).map((r) => JSON.stringify(r)).join('\n'));
    expect((await runClitel(['ingest', 'spans.json', '--db', 'd.duckdb'], { cwd: dir })).code).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('clitel dev: 4xx for each, stays up, then stores a good request exactly', async () => {
    const dev = await startClitel(dir, ['dev', '--port', '0', '--json', '--db', 'dev.duckdb'], 'listening');
    try {
      const { requests } = await attack(dev, '/v1/traces', ['/v1/traces', '/v1/metrics', '/v1/logs', '/', '/%', '/v1/traces?x=%']);
      expect(requests).toBeGreaterThan(190);
      const spans = sampleSpans(3);
      const ok = await fetch(`${dev.url}/v1/traces`, { method: 'POST', headers: JSON_TYPE, body: Buffer.from(JsonTraceSerializer.serializeRequest(spans) as Uint8Array) });
      expect(ok.status).toBe(200);
    } finally {
      const stopped = await dev.stop();
      expect(stopped.code).toBe(0);
      expect(stopped.stderr).toBe('');
    }
    expect(dev.events.at(-1)).toMatchObject({ event: 'stopped', spans: 3 });
  });

  it('clitel dashboard --serve: 4xx for each, no file outside its folder, stays up', async () => {
    const dashboard = await startClitel(dir, ['dashboard', '--serve', '--port', '0', '--json', '--db', 'd.duckdb', '--until', '2026-04-30'], 'serving');
    try {
      const { statuses } = await attack(dashboard, '/index.html', ['/', '/index.html', '/report.json', '/%', '/%E0%A4%A', '/../../etc/passwd', '/chart.umd.min.js?%']);
      expect(statuses.get('GET /%E0%A4%A')).toBe(400);
      expect(statuses.get('GET /../../etc/passwd')).toBe(404);
      const page = await fetch(dashboard.url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html');
      expect((await fetch(`${dashboard.url}report.json`)).status).toBe(200);
    } finally {
      const stopped = await dashboard.stop();
      expect(stopped.code).toBe(0);
      expect(stopped.stderr).toBe('');
    }
  });
});
