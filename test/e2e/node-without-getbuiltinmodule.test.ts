// SPDX-License-Identifier: Apache-2.0
// Node 21 and 22.0 to 22.2 have no process.getBuiltinModule, which clitel uses to load built-ins
// lazily. There a run must still be recorded and delivered: the fallback (a CommonJS require) makes
// the installation id (node:crypto), compiles the runtime (node:vm) and starts a sender
// (node:child_process). Simulated by deleting the function before the CLI starts.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { noticedHome } from '../helpers/acme.js';
import { runCli, WITHOUT_GET_BUILTIN_MODULE } from '../helpers/run-cli.js';

let receiver: Receiver;
beforeAll(async () => { receiver = await startReceiver(); });
afterAll(async () => { await receiver.close(); });

it('records and delivers a run on a Node without process.getBuiltinModule', async () => {
  const before = receiver.spans().length;
  const run = await runCli(['greet', '--name', 'Ann'], { home: noticedHome(), nodeArgs: WITHOUT_GET_BUILTIN_MODULE, env: { CI: '', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url } });
  expect(run.code).toBe(0);
  expect(run.stdout).toBe('Hello, Ann!\n');
  expect(run.stderr).toBe('');
  const spans = (await receiver.waitForSpans(before + 1)).slice(before);
  expect(spans.map((s) => s.name)).toEqual(['acme greet']);
  expect(spans[0].resource['clitel.installation.id']).toMatch(/^[0-9a-f-]{36}$/);
});
