// SPDX-License-Identifier: Apache-2.0
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { noticedHome, runAcme } from '../helpers/acme.js';
import { filesUnder, freshHome, REPO } from '../helpers/run-cli.js';

let receiver: Receiver;
beforeAll(async () => { receiver = await startReceiver(); });
afterAll(async () => { await receiver.close(); });

const DEPLOY = ['deploy', 'web', '--env', 'prod', '--token', 't'];

describe('opt-outs', () => {
  const cases: [string, Record<string, string>][] = [
    ['OTEL_SDK_DISABLED=true', { OTEL_SDK_DISABLED: 'true' }],
    ['OTEL_SDK_DISABLED=TRUE', { OTEL_SDK_DISABLED: 'TRUE' }],
    ['ACME_TELEMETRY_OPTOUT=1', { ACME_TELEMETRY_OPTOUT: '1' }],
    ['ACME_TELEMETRY_OPTOUT=true', { ACME_TELEMETRY_OPTOUT: 'true' }],
    ['ACME_TELEMETRY_OPTOUT=yes', { ACME_TELEMETRY_OPTOUT: 'yes' }],
    ['DO_NOT_TRACK=1', { DO_NOT_TRACK: '1' }],
    ['CLITEL_TELEMETRY_OPTOUT=1', { CLITEL_TELEMETRY_OPTOUT: '1' }],
  ];
  for (const [name, env] of cases) {
    it(`sends nothing and writes no file when ${name}`, async () => {
      const home = freshHome();
      const before = receiver.requests.length;
      const run = await runAcme(DEPLOY, receiver.url, { home, env });
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      expect(filesUnder(home)).toEqual([]);
      await new Promise((r) => setTimeout(r, 300));
      expect(receiver.requests.length).toBe(before);
    });
  }

  it('keeps sending when an opt-out variable holds another value (OTEL_SDK_DISABLED=1, DO_NOT_TRACK=0)', async () => {
    const before = receiver.spans().length;
    await runAcme(DEPLOY, receiver.url, { env: { OTEL_SDK_DISABLED: '1', DO_NOT_TRACK: '0' } });
    expect((await receiver.waitForSpans(before + 1)).length).toBe(before + 1);
  });

  it('deletes the tool state (spool, id) on the next run after an env opt-out', async () => {
    const home = noticedHome();
    await runAcme(DEPLOY, receiver.url, { home });
    expect(filesUnder(home)).toContain('.local/state/clitel/acme/installation-id');
    await runAcme(DEPLOY, receiver.url, { home, env: { DO_NOT_TRACK: '1' } });
    expect(filesUnder(home).filter((f) => f.includes('clitel/acme'))).toEqual([]);
  });

  it('honours a machine-wide choice shared by every clitel tool', async () => {
    const home = noticedHome();
    mkdirSync(join(home, '.config/clitel'), { recursive: true });
    writeFileSync(join(home, '.config/clitel/config.json'), '{"telemetry":"disabled"}');
    const before = receiver.requests.length;
    const status = await runAcme(['telemetry', 'status'], receiver.url, { home });
    expect(status.stdout).toMatch(/Telemetry for acme is off: disabled for every clitel tool/);
    await runAcme(DEPLOY, receiver.url, { home });
    expect(receiver.requests.length).toBe(before);
  });
});

describe('first-run notice', () => {
  it('shows the notice once on stderr, and that run sends nothing', async () => {
    const home = freshHome();
    const before = receiver.spans().length;
    const first = await runAcme(DEPLOY, receiver.url, { home });
    expect(first.stderr).toMatch(/acme collects anonymous usage data/);
    expect(first.stderr).toMatch(/ACME_TELEMETRY_OPTOUT=1/);
    expect(first.stdout).not.toMatch(/collects/);
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.spans().length).toBe(before);
    const second = await runAcme(DEPLOY, receiver.url, { home });
    expect(second.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
    expect((await receiver.waitForSpans(before + 1)).length).toBe(before + 1);
  });
});

describe('debug mode', () => {
  it('prints the OTLP/JSON that would be sent and sends nothing', async () => {
    const home = noticedHome();
    const before = receiver.requests.length;
    const run = await runAcme(DEPLOY, receiver.url, { home, env: { CLITEL_DEBUG: '1' } });
    const json = JSON.parse(run.stderr.split('\n')[0]) as { resourceSpans: { scopeSpans: { spans: { name: string }[] }[] }[] };
    expect(json.resourceSpans[0].scopeSpans[0].spans[0].name).toBe('acme deploy');
    expect(run.stderr).toMatch(/clitel: debug mode: nothing was sent/);
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.requests.length).toBe(before);
    expect(filesUnder(home).filter((f) => f.includes('spool'))).toEqual([]);
  });

  it('names an invalid env value in debug output and carries on', async () => {
    const run = await runAcme(DEPLOY, receiver.url, { env: { CLITEL_DEBUG: '1', OTEL_EXPORTER_OTLP_TIMEOUT: 'soon' } });
    expect(run.stderr).toMatch(/clitel: ignoring OTEL_EXPORTER_OTLP_TIMEOUT/);
    expect(run.code).toBe(0);
  });
});

describe('telemetry subcommand', () => {
  it('reports status with its source, disables, enables and resets the id', async () => {
    const home = noticedHome();
    const on = await runAcme(['telemetry', 'status'], receiver.url, { home });
    expect(on.stdout).toMatch(/Telemetry for acme is on: on by default \(opt-out\)/);
    const envOff = await runAcme(['telemetry', 'status'], receiver.url, { home, env: { DO_NOT_TRACK: '1' } });
    expect(envOff.stdout).toMatch(/is off: DO_NOT_TRACK is set/);

    await runAcme(DEPLOY, receiver.url, { home });
    const id = readFileSync(join(home, '.local/state/clitel/acme/installation-id'), 'utf8').trim();
    const reset = await runAcme(['telemetry', 'reset'], receiver.url, { home });
    expect(reset.stdout).toContain(`Previous installation id: ${id}`);
    const next = readFileSync(join(home, '.local/state/clitel/acme/installation-id'), 'utf8').trim();
    expect(next).not.toBe(id);
    expect(reset.stdout).toContain(`New installation id: ${next}`);

    const off = await runAcme(['telemetry', 'disable'], receiver.url, { home });
    expect(off.code).toBe(0);
    expect((await runAcme(['telemetry', 'status'], receiver.url, { home })).stdout).toMatch(/is off: disabled in .*tools\/acme\.json/);
    const before = receiver.requests.length;
    await runAcme(DEPLOY, receiver.url, { home });
    expect(receiver.requests.length).toBe(before);
    await runAcme(['telemetry', 'enable'], receiver.url, { home });
    expect((await runAcme(['telemetry', 'status'], receiver.url, { home })).stdout).toMatch(/is on: enabled in/);
  });

  it('rejects an unknown action with one line and exit code 2', async () => {
    const run = await runAcme(['telemetry', 'explode'], receiver.url);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^acme telemetry: unknown action 'explode' \(expected status, enable, disable, reset or show\); see 'acme telemetry --help'\n$/);
  });
});

describe('opt-in mode', () => {
  const script = join(REPO, 'test/fixtures/optin-cli.mjs');
  it('sends nothing until the user enables it, then sends', async () => {
    const home = freshHome();
    const before = receiver.spans().length;
    const off = await runAcme(['hello'], receiver.url, { home, script });
    expect(off.stderr).toBe('');
    expect(filesUnder(home)).toEqual([]);
    const enable = await runAcme(['telemetry', 'enable'], receiver.url, { home, script });
    // enabling says what is collected, so no first-run notice follows: the next run is sent
    expect(enable.stdout).toMatch(/^quiet collects anonymous usage data/m);
    const on = await runAcme(['hello'], receiver.url, { home, script });
    expect(on.stderr).toBe('');
    const spans = await receiver.waitForSpans(before + 1);
    expect(spans.slice(before).map((s) => s.name)).toEqual(['quiet hello']);
  });
});
