// SPDX-License-Identifier: Apache-2.0
// With a collector binary on PATH: `validate` every file combination, then run a live pipeline
// (OTLP/HTTP in → file out) and check that nothing blocked comes out. Skipped, saying so, when no
// binary with the contrib components is installed.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const configDir = join(root, 'collector-config/acme');
const OVERLAYS = ['overlay-clickhouse.yaml', 'overlay-debug.yaml', 'overlay-file.yaml', 'overlay-otlp-http.yaml', 'overlay-prometheus.yaml'];
const NEEDED = ['redaction', 'transform', 'filter', 'span_metrics', 'clickhouse', 'prometheus'];

/** The first otelcol-contrib / otelcol on PATH that has the contrib components we use. */
function findCollector(path: string | undefined): string | undefined {
  for (const dir of (path ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ['otelcol-contrib', 'otelcol']) {
      const bin = join(dir, name);
      try {
        accessSync(bin, constants.X_OK);
      } catch {
        continue;
      }
      const listed = spawnSync(bin, ['components'], { encoding: 'utf8', timeout: 30_000 }).stdout ?? '';
      if (NEEDED.every((c) => listed.includes(c))) return bin;
    }
  }
  return undefined;
}

const collector = findCollector(process.env.PATH);
const childEnv = { ...process.env, CLITEL_OTLP_EXPORT_ENDPOINT: 'http://127.0.0.1:1', CLITEL_OTLP_EXPORT_TOKEN: 'unused', CLITEL_FILE_PATH: join(tmpdir(), 'clitel-unused.jsonl') };
const temp = mkdtempSync(join(tmpdir(), 'clitel-live-collector-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}

const str = (value: string) => ({ stringValue: value });
const kv = (key: string, value: unknown) => ({ key, value: typeof value === 'number' ? { intValue: value } : str(String(value)) });
const SECRET_EMAIL = 'jane.doe@example.com';
const SECRET_PATH = '/home/alice/work';
const SECRET_TOKEN = ['gh', 'p_', 'Z'.repeat(36)].join('');
const RUN_ID = '0123456789abcdef0123456789abcdef';

function request(): unknown {
  const resource = { attributes: [kv('service.name', 'acme'), kv('service.version', '1.4.2'), kv('telemetry.distro.name', 'clitel'), kv('host.name', 'alice-laptop'), kv('clitel.installation.id', SECRET_EMAIL), kv('os.version', SECRET_PATH)] };
  const span = (name: string, attributes: unknown[], events: unknown[] = []) => ({
    traceId: '5b8efff798038103d269b633813fc60c', spanId: 'eee19b7ec3c1b174', name, kind: 1, startTimeUnixNano: '1700000000000000000', endTimeUnixNano: '1700000001000000000', attributes, events, status: { code: 2, message: SECRET_EMAIL },
  });
  return {
    resourceSpans: [
      { resource, scopeSpans: [{ scope: { name: '@clitel/core' }, spans: [
        span('acme deploy', [kv('process.executable.name', 'acme'), kv('process.exit.code', 1), kv('clitel.command', 'deploy'), kv('clitel.run.id', RUN_ID), kv('error.type', `Error for ${SECRET_TOKEN}`), kv('process.command_args', `acme deploy --token ${SECRET_TOKEN}`)],
          [{ name: 'exception', timeUnixNano: '1700000001000000000', attributes: [kv('exception.type', 'Error'), kv('exception.stacktrace', `Error\n    at x (${SECRET_PATH}/a.js:1:2)`), kv('exception.message', SECRET_EMAIL)] }, { name: 'log', timeUnixNano: '1700000001000000000', attributes: [] }]),
        span(`acme deploy ${SECRET_EMAIL}`, [kv('process.executable.name', 'acme'), kv('process.exit.code', 0), kv('clitel.command', SECRET_PATH)]),
      ] }] },
      { resource: { attributes: [kv('service.name', 'other-service')] }, scopeSpans: [{ scope: { name: 'x' }, spans: [span('GET /users', [kv('process.executable.name', 'acme')])] }] },
    ],
  };
}

describe('the generated config in a real collector', () => {
  const label = collector == null ? ' (skipped: no otelcol-contrib or otelcol with the contrib components on PATH)' : ` with ${collector}`;

  it.skipIf(collector == null)(`validates base.yaml alone and with each overlay${label}`, () => {
    for (const overlay of [undefined, ...OVERLAYS]) {
      const args = ['validate', '--config', join(configDir, 'base.yaml'), ...(overlay ? ['--config', join(configDir, overlay)] : [])];
      const result = spawnSync(collector as string, args, { encoding: 'utf8', env: childEnv, timeout: 60_000 });
      expect(result.status, `${overlay ?? 'base.yaml'}: ${result.stderr}`).toBe(0);
    }
  });

  it.skipIf(collector == null)(`passes no blocked value from OTLP in to the file exporter${label}`, async () => {
    const [httpPort, grpcPort] = [await freePort(), await freePort()];
    const out = join(temp, 'out.jsonl');
    const overlay = join(temp, 'overlay-live.yaml');
    writeFileSync(overlay, stringify({
      exporters: { 'file/live': { path: out, format: 'json' } },
      service: { telemetry: { metrics: { level: 'none' } }, pipelines: { traces: { exporters: ['file/live', 'span_metrics'] } } },
    }));
    const child = spawn(collector as string, ['--config', join(configDir, 'base.yaml'), '--config', overlay], {
      env: { ...childEnv, CLITEL_OTLP_HTTP_ENDPOINT: `127.0.0.1:${httpPort}`, CLITEL_OTLP_GRPC_ENDPOINT: `127.0.0.1:${grpcPort}` },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    child.stderr.on('data', (chunk: Buffer) => { log += chunk.toString(); });
    try {
      await until(`the collector to accept OTLP (log: ${log.slice(-2000)})`, async () => {
        const res = await fetch(`http://127.0.0.1:${httpPort}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request()) }).catch(() => undefined);
        return res?.status === 200 ? true : undefined;
      });
      const text = await until('the file exporter to write the spans', () => (existsSync(out) && readFileSync(out, 'utf8').includes('acme deploy') ? readFileSync(out, 'utf8') : undefined));
      for (const secret of [SECRET_EMAIL, SECRET_PATH, SECRET_TOKEN, 'alice', 'host.name', 'process.command_args', 'exception.message', 'other-service', 'GET /users', '"log"']) expect(text).not.toContain(secret);
      expect(text).toContain('"acme _unknown"');
      expect(text).toContain('"_unknown"');
      expect(text).toContain(RUN_ID);
      expect(text).toContain('"exception.stacktrace"');
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode != null ? r(undefined) : child.once('exit', r)));
    }
  }, 60_000);
});
