// SPDX-License-Identifier: Apache-2.0
// Telemetry never changes what the host prints or how it exits, whatever the world is like.
import { createServer, type Server } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { noticedHome } from '../helpers/acme.js';
import { runCli, WITHOUT_GET_BUILTIN_MODULE, type CliResult } from '../helpers/run-cli.js';

let up: Receiver;
let blackhole: Receiver;
let closedPort: number;
let refuser: Server;
beforeAll(async () => {
  up = await startReceiver();
  blackhole = await startReceiver({ blackhole: true });
  refuser = createServer((s) => s.destroy());
  await new Promise<void>((r) => refuser.listen(0, '127.0.0.1', r));
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise<void>((r) => probe.close(() => r()));
});
afterAll(async () => {
  await up.close();
  await blackhole.close();
  await new Promise<void>((r) => refuser.close(() => r()));
});

const COMMANDS = [
  ['deploy', 'web', '--env', 'prod', '--token', 't', '--force'],
  ['init', 'app'],
  ['greet', '--name', 'Ann'],
  ['fail'],
  ['crash'],
  ['nope'],
  ['deploy', '--help'],
  ['--version'],
];

function brokenHome(): string {
  const home = noticedHome();
  mkdirSync(join(home, '.config/clitel/tools'), { recursive: true });
  writeFileSync(join(home, '.config/clitel/tools/acme.json'), '{not json');
  writeFileSync(join(home, '.local/state/clitel/acme/installation-id'), 'garbage');
  mkdirSync(join(home, '.local/state/clitel/acme/spool'), { recursive: true });
  writeFileSync(join(home, '.local/state/clitel/acme/spool/0000000000001-x-deadbeef.json'), '{"v":1,"trunc');
  return home;
}

type World = [string, () => { env: Record<string, string>; home?: string; nodeArgs?: string[] }];
const WORLDS: World[] = [
  ['receiver up (background sender)', () => ({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: up.url } })],
  ['receiver up (sync, CI=true)', () => ({ env: { CI: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: up.url } })],
  ['port closed (sync)', () => ({ env: { CI: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${closedPort}` } })],
  ['connection reset (background)', () => ({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(refuser.address() as { port: number }).port}` } })],
  ['blackholed (sync)', () => ({ env: { CI: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: blackhole.url } })],
  ['HOME is a file', () => ({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: up.url }, home: '/dev/null' })],
  ['corrupt config, id and spool', () => ({ env: { CI: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: up.url }, home: brokenHome() })],
  ['nonsense env values', () => ({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: 'not a url', OTEL_EXPORTER_OTLP_PROTOCOL: 'carrier-pigeon', OTEL_EXPORTER_OTLP_TIMEOUT: '-5', CLITEL_LEVEL: 'max', DO_NOT_TRACK: 'maybe' } })],
  // Node 21 and 22.0 to 22.2 have no process.getBuiltinModule, which the start-up bundles use.
  ['a Node without process.getBuiltinModule', () => ({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: up.url }, nodeArgs: WITHOUT_GET_BUILTIN_MODULE })],
];

const normalise = (r: CliResult, home: string): string => r.stderr.replaceAll(home, '<HOME>').replace(/\n\s+at .*/g, '');

describe('the host CLI is unchanged', () => {
  for (const command of COMMANDS) {
    it(`acme ${command.join(' ')}: same stdout and exit code in every world`, async () => {
      const offHome = noticedHome();
      const off = await runCli(command, { home: offHome, env: { DO_NOT_TRACK: '1' } });
      for (const [name, world] of WORLDS) {
        const { env, home, nodeArgs } = world();
        const h = home ?? noticedHome();
        const on = await runCli(command, { home: h, env, ...(nodeArgs != null ? { nodeArgs } : {}) });
        expect({ world: name, stdout: on.stdout, code: on.code }).toEqual({ world: name, stdout: off.stdout, code: off.code });
        if (home !== '/dev/null') expect({ world: name, stderr: normalise(on, h) }).toEqual({ world: name, stderr: normalise(off, offHome) });
      }
    });
  }
});
