// SPDX-License-Identifier: Apache-2.0
// `clitel doctor`, run for real on the example CLI and on fixtures, one per reason nothing would be
// sent: its verdict, a real receiver that sees no request from it, and a HOME it leaves as it was.
// The "would send" verdict is then held to the truth: the same command run for real delivers.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACME, filesUnder, freshHome, REPO, runCli, type CliResult } from '../helpers/run-cli.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';

const CLITEL = join(REPO, 'packages/cli/dist/bin.js');
const fixture = (name: string): string => join(REPO, 'test/fixtures', name);

interface DoctorJson {
  verdict: { wouldSend: boolean; code: string; reason: string; hint?: string; warnings: string[] };
  run: { entry: string; via: string; exitCode: number | null; timedOut: boolean };
  report: { tool: string; consent: { source: string }; sampled?: boolean; body?: string } | null;
}

/** Names and contents of every file under HOME. */
function snapshot(home: string): string[] {
  return filesUnder(home).sort().map((name) => `${name}:${readFileSync(join(home, name), 'utf8')}`);
}

describe('clitel doctor', () => {
  let receiver: Receiver;
  let home: string;
  beforeEach(async () => {
    receiver = await startReceiver();
    home = freshHome();
  });
  afterEach(async () => {
    await receiver.close();
  });

  /** Runs `clitel doctor <args>` in HOME with the endpoint set (unless `env` unsets it) and no send-now. */
  const doctor = (args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> =>
    runCli(['doctor', ...args], { script: CLITEL, home, env: { CLITEL_SEND_NOW: '', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, ...env } });
  const doctorJson = async (args: string[], env: Record<string, string | undefined> = {}): Promise<{ run: CliResult; json: DoctorJson }> => {
    const run = await doctor(['--json', ...args], env);
    return { run, json: JSON.parse(run.stdout) as DoctorJson };
  };
  /** A real run of the tool (no debug): the first one shows the notice and makes the installation id. */
  const realRun = (script: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> =>
    runCli(args, { script, home, env: { CLITEL_SEND_NOW: '', ...env } });

  it('on a fresh machine: the notice is not shown yet, so nothing would be sent; it prints the span and writes nothing', async () => {
    const run = await doctor(['acme', 'deploy', 'web', '--env', 'prod', '--token', 'secret-token']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('acme deploy');
    for (const key of ['clitel.command', 'clitel.option.env', 'service.name', 'process.exit.code']) expect(run.stdout).toContain(key);
    expect(run.stdout).not.toContain('secret-token');
    expect(run.stderr).toContain('Deployed web to prod');
    const { json } = await doctorJson(['acme', 'deploy', 'web', '--env', 'prod', '--token', 'secret-token']);
    expect(json.verdict).toMatchObject({ wouldSend: false, code: 'notice-not-shown' });
    expect(json.run).toMatchObject({ via: 'node_modules/.bin', exitCode: 0 });
    expect(filesUnder(home)).toEqual([]);
    expect(receiver.requests).toHaveLength(0);
  });

  it('after the notice: would send (spooled by the delivery delay), and a real run then does deliver', async () => {
    await realRun(ACME, ['greet', '--name', 'x']);
    const before = snapshot(home);
    expect(before.some((f) => f.startsWith('.local/state/clitel/acme/notice'))).toBe(true);
    const run = await doctor(['examples/acme/bin/acme.js', 'greet', '--name', 'x']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('acme greet');
    const { json } = await doctorJson(['examples/acme/bin/acme.js', 'greet', '--name', 'x']);
    expect(json.verdict).toMatchObject({ wouldSend: true, code: 'spooled' });
    expect(json.run.via).toBe('path');
    expect((await doctorJson(['acme', 'greet', '--name', 'x'], { CLITEL_SEND_NOW: '1' })).json.verdict).toMatchObject({ wouldSend: true, code: 'sends-now' });
    expect((await doctorJson(['acme', 'greet', '--name', 'x'], { CI: 'true' })).json.verdict).toMatchObject({ wouldSend: true, code: 'sends-now' });
    expect(snapshot(home)).toEqual(before);
    expect(receiver.requests).toHaveLength(0);
    await realRun(ACME, ['greet', '--name', 'x'], { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, CLITEL_SEND_NOW: '1' });
    const spans = await receiver.waitForSpans(1, 20_000);
    expect(spans.map((s) => s.name)).toContain('acme greet');
  });

  it('names the opt-out variable or file and keeps the state an opt-out run would delete', async () => {
    await realRun(ACME, ['greet', '--name', 'x']);
    const before = snapshot(home);
    for (const [name, value, source] of [
      ['DO_NOT_TRACK', '1', 'DO_NOT_TRACK'],
      ['ACME_TELEMETRY_OPTOUT', '1', 'tool-env'],
      ['OTEL_SDK_DISABLED', 'true', 'OTEL_SDK_DISABLED'],
      ['CLITEL_TELEMETRY_OPTOUT', '1', 'CLITEL_TELEMETRY_OPTOUT'],
    ] as const) {
      const { run, json } = await doctorJson(['acme', 'greet', '--name', 'x'], { [name]: value });
      expect(run.code, name).toBe(1);
      expect(json.verdict, name).toMatchObject({ wouldSend: false, code: 'opted-out' });
      expect(json.report?.consent.source, name).toBe(source);
      expect(json.verdict.reason, name).toContain(name);
      expect((await doctor(['acme', 'greet', '--name', 'x'], { [name]: value })).stdout, name).toContain(name);
    }
    expect(snapshot(home)).toEqual(before);
    // The user's own choice, in the tool's config file (written by the real `telemetry disable`).
    await realRun(ACME, ['telemetry', 'disable']);
    const { json } = await doctorJson(['acme', 'greet', '--name', 'x']);
    expect(json.verdict.code).toBe('opted-out');
    expect(json.report?.consent.source).toBe('tool-config');
    expect(json.verdict.reason).toContain(join(home, '.config'));
    expect(receiver.requests).toHaveLength(0);
  });

  it('says when an opt-in tool has not been enabled', async () => {
    const { run, json } = await doctorJson([fixture('optin-cli.mjs'), 'hello']);
    expect(run.code).toBe(1);
    expect(json.verdict).toMatchObject({ wouldSend: false, code: 'opt-in' });
    expect(filesUnder(home)).toEqual([]);
  });

  it('says when no endpoint is set', async () => {
    await realRun(ACME, ['greet', '--name', 'x']);
    const before = snapshot(home);
    const { run, json } = await doctorJson(['acme', 'greet', '--name', 'x'], { OTEL_EXPORTER_OTLP_ENDPOINT: undefined });
    expect(run.code).toBe(1);
    expect(json.verdict).toMatchObject({ wouldSend: false, code: 'no-endpoint' });
    expect(json.report?.body).toContain('acme greet');
    expect(snapshot(home)).toEqual(before);
  });

  it('says when this installation is sampled out, and not when it is in the sample', async () => {
    const script = fixture('sampled-cli.mjs');
    await realRun(script, ['go']);
    const idFile = join(home, '.local/state/clitel/halfway/installation-id');
    // Installation ids whose bucket is outside (0.72) and inside (0.02) a 0.5 sample; core decides.
    writeFileSync(idFile, '00000000-0000-4000-8000-000000000000\n');
    const out = await doctorJson([script, 'go']);
    expect(out.run.code).toBe(1);
    expect(out.json.report?.sampled).toBe(false);
    expect(out.json.verdict).toMatchObject({ wouldSend: false, code: 'sampled-out' });
    writeFileSync(idFile, '00000000-0000-4000-8000-000000000003\n');
    const before = snapshot(home);
    const inside = await doctorJson([script, 'go']);
    expect(inside.json.report?.sampled).toBe(true);
    expect(inside.json.verdict).toMatchObject({ wouldSend: true, code: 'spooled' });
    expect(snapshot(home)).toEqual(before);
    expect(receiver.requests).toHaveLength(0);
  });

  it('warns, without blocking, when the schema names another tool', async () => {
    const script = fixture('mismatch-cli.mjs');
    await realRun(script, ['go']);
    const { run, json } = await doctorJson([script, 'go']);
    expect(run.code).toBe(0);
    expect(json.verdict.wouldSend).toBe(true);
    expect(json.verdict.warnings.join('\n')).toContain('other-name');
  });

  it('says "no clitel" for a script without clitel, and kills a tool that does not exit', async () => {
    const plain = await doctorJson([fixture('no-clitel-cli.mjs'), 'a', 'b']);
    expect(plain.run.code).toBe(1);
    expect(plain.json).toMatchObject({ verdict: { wouldSend: false, code: 'no-clitel' }, report: null, run: { exitCode: 0 } });
    expect(plain.run.stderr).toContain('plain 2 args');
    const hung = await doctorJson(['--timeout', '1', fixture('never-exits-cli.mjs')]);
    expect(hung.run.code).toBe(1);
    expect(hung.json).toMatchObject({ verdict: { code: 'timed-out' }, run: { timedOut: true } });
    expect(filesUnder(home)).toEqual([]);
  });

  it('passes the words after the entry to the tool, --help included', async () => {
    const run = await doctor(['acme', '--help']);
    expect(run.stderr).toContain('Usage: acme');
    expect(run.stdout).not.toContain('Usage: clitel doctor');
  });

  it('refuses usage errors with one line and exit code 2', async () => {
    for (const args of [[], ['acme', 'telemetry', 'status'], ['no-such-tool-here'], ['--timeout', 'soon', 'acme'], ['--bogus', 'acme']]) {
      const run = await doctor(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    const json = await doctor(['--json', 'acme', 'telemetry', 'disable']);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'clitel.cli.usage' } });
    expect(filesUnder(home)).toEqual([]);
    expect(receiver.requests).toHaveLength(0);
  });

  it('keeps a state directory that only exists with content the same, file by file', async () => {
    const state = join(home, '.local/state/clitel/acme');
    mkdirSync(state, { recursive: true });
    writeFileSync(join(state, 'notice'), '1\n');
    const before = snapshot(home);
    const { json } = await doctorJson(['acme', 'greet', '--name', 'x']);
    // No installation id yet: doctor mode must not make one.
    expect(json.verdict.wouldSend).toBe(true);
    expect(snapshot(home)).toEqual(before);
  });
});
