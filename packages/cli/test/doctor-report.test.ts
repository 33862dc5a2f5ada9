// SPDX-License-Identifier: Apache-2.0
// Doctor mode (CLITEL_DEBUG=1 + CLITEL_DOCTOR_REPORT): the example CLI, run for real, writes the
// facts of its decision, opens no socket to the endpoint and leaves the state as it was.
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DOCTOR_REPORT_VAR, type DoctorReport } from '@clitel/core/internal';

const ACME = fileURLToPath(new URL('../../../examples/acme/bin/acme.js', import.meta.url));

function snapshot(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort().map((name) => {
    const file = join(dir, name);
    return statSync(file).isFile() ? `${name}:${readFileSync(file, 'utf8')}` : name;
  });
}

describe('doctor mode', () => {
  let dir: string;
  let server: Server;
  let connections: number;
  let url: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clitel-doctor-'));
    connections = 0;
    server = createServer((_, res) => res.end());
    server.on('connection', () => { connections += 1; });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address != null ? address.port : 0}`;
  });
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (args: string[], extra: Record<string, string>): DoctorReport | undefined => {
    const file = join(dir, `report-${Math.random()}.json`);
    const env = { PATH: process.env.PATH ?? '', HOME: join(dir, 'home'), OTEL_EXPORTER_OTLP_ENDPOINT: url, CLITEL_DEBUG: '1', [DOCTOR_REPORT_VAR]: file, ...extra };
    try {
      execFileSync(process.execPath, [ACME, ...args], { env, stdio: 'ignore', timeout: 30_000 });
    } catch {
      // the exit code is the tool's own
    }
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DoctorReport) : undefined;
  };

  it('reports what would be sent, sends nothing and changes no state', () => {
    const state = join(dir, 'home', '.local', 'state');
    mkdirSync(state, { recursive: true });
    const before = snapshot(join(dir, 'home'));
    const report = run(['deploy', 'web', '--env', 'prod', '--token', 'secret'], {});
    expect(report).toMatchObject({ v: 1, tool: 'acme', consent: { enabled: true }, endpoint: `${url}/v1/traces`, noticeShown: false, delivery: 'background', due: false });
    expect(report?.body).toContain('acme deploy');
    expect(report?.body).not.toContain('secret');
    expect(snapshot(join(dir, 'home'))).toEqual(before);
    expect(connections).toBe(0);
  });

  it('names the opt-out and keeps the state an opt-out would delete', () => {
    const stateDir = join(dir, 'home', '.local', 'state', 'clitel', 'acme');
    mkdirSync(stateDir, { recursive: true });
    execFileSync('node', ['-e', `require('fs').writeFileSync(${JSON.stringify(join(stateDir, 'notice'))}, '1\\n')`]);
    const before = snapshot(join(dir, 'home'));
    for (const [name, source] of [['DO_NOT_TRACK', 'DO_NOT_TRACK'], ['ACME_TELEMETRY_OPTOUT', 'tool-env'], ['CLITEL_TELEMETRY_OPTOUT', 'CLITEL_TELEMETRY_OPTOUT']] as const) {
      const report = run(['greet', '--name', 'x'], { [name]: '1' });
      expect(report?.consent).toMatchObject({ enabled: false, source });
      expect(report?.body).toBeUndefined();
    }
    expect(run(['greet', '--name', 'x'], { OTEL_SDK_DISABLED: 'true' })?.consent.source).toBe('OTEL_SDK_DISABLED');
    expect(run(['greet', '--name', 'x'], { CI: 'true' })).toMatchObject({ delivery: 'sync', ci: true, noticeShown: true });
    expect(snapshot(join(dir, 'home'))).toEqual(before);
    expect(connections).toBe(0);
  });
});
