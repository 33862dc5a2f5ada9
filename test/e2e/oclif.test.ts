// SPDX-License-Identifier: Apache-2.0
// The oclif adapter on a real oclif CLI (test/fixtures/oclif), spawned against a real receiver.
// Every run is compared with the same CLI run with telemetry off (FIXTURE_PLAIN=1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { REPO, runCli, type CliResult } from '../helpers/run-cli.js';
import { noticedHome } from '../helpers/acme.js';
import type { DecodedSpan } from '../helpers/otlp-decode.js';
import { expectSucceededSpan } from '../fixtures/adapters/harness.js';
import { describeTelemetrySuite } from '../fixtures/adapters/telemetry-suite.js';

const CLI = join(REPO, 'test/fixtures/oclif/bin/run.js');
const TOOL = 'acme-oclif';

describeTelemetrySuite({
  title: '@clitel/oclif on a real oclif CLI: the telemetry command',
  tool: TOOL,
  script: CLI,
  record: { args: ['deploy', 'web', '--env', 'dev', '--token', 't'], name: `${TOOL} deploy` },
  // oclif's own lines: the fixture's hooks, and node's warning when oclif cannot read its data dir.
  own: { stdout: ['acme-oclif: postrun'], stderr: ['acme-oclif: finally (ok)', /^\(node:\d+\) \[ENOTDIR\] /, /^\(Use `node --trace-warnings/] },
});

let receiver: Receiver;
beforeAll(async () => { receiver = await startReceiver(); });
afterAll(async () => { await receiver.close(); });

function runOclif(args: string[], env: Record<string, string> = {}, script = CLI): Promise<CliResult> {
  return runCli(args, { script, home: noticedHome(TOOL), env: { CI: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, ...env } });
}

/** Runs with telemetry on and off; asserts identical output and returns the one span. */
async function spanOf(args: string[], script = CLI): Promise<{ run: CliResult; span: DecodedSpan }> {
  const plain = await runOclif(args, { FIXTURE_PLAIN: '1' }, script);
  const before = receiver.spans().length;
  const run = await runOclif(args, {}, script);
  const spans = (await receiver.waitForSpans(before + 1)).slice(before);
  expect(run.stdout).toBe(plain.stdout);
  expect(run.stderr).toBe(plain.stderr);
  expect(run.code).toBe(plain.code);
  expect(spans).toHaveLength(1);
  return { run, span: spans[0] };
}

describe('@clitel/oclif on a real oclif CLI', () => {
  it('records a subcommand with the flags the user set and only the allowlisted value', async () => {
    const { run, span } = await spanOf(['deploy', 'web', '--env', 'prod', '--token', 'tok_123', '-f']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Deployed web to prod in eu-west-1 (forced)\nacme-oclif: postrun\n');
    expectSucceededSpan(span, { tool: TOOL, version: '2.0.1', command: 'deploy' });
    expect(span.attributes['clitel.options']).toEqual(['env', 'force', 'token']);
    expect(span.attributes['clitel.option.env']).toBe('prod');
    expect(Object.keys(span.attributes).filter((k) => k.startsWith('clitel.option.'))).toEqual(['clitel.option.env']);
    expect(receiver.allBytes().includes('tok_123')).toBe(false);
  });

  it('records a value outside the list as _other and an option given with =', async () => {
    const { span } = await spanOf(['deploy', 'web', '--env=qa', '--token', 't', '--region', 'us-east-1']);
    expect(span.attributes['clitel.options']).toEqual(['env', 'region', 'token']);
    expect(span.attributes['clitel.option.env']).toBe('_other');
    expect(receiver.allBytes().includes('us-east-1')).toBe(false);
  });

  it('records a nested command of a topic, also through its alias', async () => {
    const { span } = await spanOf(['remote', 'add', 'origin', '--url', 'https://example.com/a.git']);
    expect(span.name).toBe('acme-oclif remote add');
    expect(span.attributes['clitel.command']).toBe('remote add');
    expect(span.attributes['clitel.options']).toEqual(['url']);
    expect(span.attributes['clitel.option.url']).toBeUndefined();
    expect((await spanOf(['remote', 'new', 'o', '--url', 'u'])).span.name).toBe('acme-oclif remote add');
    expect((await spanOf(['remote', 'list', '-v'])).span.attributes['clitel.options']).toEqual(['verbose']);
  });

  it('records a topic alone (oclif shows its help) under the topic', async () => {
    const { run, span } = await spanOf(['remote']);
    expect(run.code).toBe(0);
    expect(span.name).toBe('acme-oclif remote');
  });

  it('records an unknown command as _unknown without its name or flags', async () => {
    const { run, span } = await spanOf(['frobnicate', '--secret', 'hunter2']);
    expect(run.code).toBe(2);
    expect(span.name).toBe('acme-oclif _unknown');
    expect(span.status).toBe(2);
    expect(span.attributes['clitel.command']).toBe('_unknown');
    expect(span.attributes['error.type']).toBe('CLIError');
    expect(span.attributes['clitel.options']).toBeUndefined();
    const bytes = receiver.allBytes();
    expect(bytes.includes('frobnicate')).toBe(false);
    expect(bytes.includes('hunter2')).toBe(false);
  });

  it('records a parse error of a known command with its error class', async () => {
    const { run, span } = await spanOf(['deploy', 'web', '--env', 'dev']);
    expect(run.code).toBe(2);
    expect(span.name).toBe('acme-oclif deploy');
    expect(span.attributes['process.exit.code']).toBe(2);
    expect(span.attributes['error.type']).toBe('FailedFlagValidationError');
  });

  it('records --help and --version with exit code 0', async () => {
    const root = await spanOf(['--help']);
    expect(root.run.code).toBe(0);
    expect(root.run.stdout).toContain('USAGE');
    expect(root.span.name).toBe(TOOL);
    expect(root.span.attributes['process.exit.code']).toBe(0);
    const sub = await spanOf(['deploy', '--help']);
    expect(sub.run.stdout).toContain('--token=<value>');
    expect(sub.span.name).toBe('acme-oclif deploy');
    const version = await spanOf(['--version']);
    expect(version.run.stdout).toMatch(/^acme-oclif\/2\.0\.1 /);
    expect(version.span.name).toBe(TOOL);
    expect(version.span.attributes['process.exit.code']).toBe(0);
  });

  it('records a thrown error with its class and scrubbed frames, never its message', async () => {
    const { run, span } = await spanOf(['crash']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('cannot open /home/alice/.acme/secret.key');
    expect(span.attributes['error.type']).toBe('TypeError');
    const exception = span.events.find((e) => e.name === 'exception');
    expect(exception?.attributes['exception.type']).toBe('TypeError');
    expect(String(exception?.attributes['exception.stacktrace'])).toMatch(/^TypeError\n {4}at Crash\.run \(commands\/crash\.js:\d+:\d+\)/);
    expect(receiver.allBytes().includes('secret.key')).toBe(false);
  });

  it('records the exit code the command chose', async () => {
    const { run, span } = await spanOf(['fail']);
    expect(run.code).toBe(3);
    expect(span.attributes['process.exit.code']).toBe(3);
    expect(span.attributes['error.type']).toBe('CLIError');
  });

  it('records a CommonJS oclif CLI whose hook file requires the adapter', async () => {
    const { run, span } = await spanOf(['deploy', 'web', '--env', 'prod', '--token', 't'], join(REPO, 'test/fixtures/oclif/cjs/bin/run.js'));
    expect(run.stdout).toBe('Deployed web to prod\n');
    expect(span.name).toBe('acme-oclif deploy');
    expect(span.attributes['clitel.options']).toEqual(['env', 'token']);
    expect(span.attributes['clitel.option.env']).toBe('prod');
  });

  it('sends nothing and changes nothing when DO_NOT_TRACK=1', async () => {
    const before = receiver.requests.length;
    const plain = await runOclif(['deploy', 'web', '--env', 'dev', '--token', 't'], { FIXTURE_PLAIN: '1' });
    const off = await runOclif(['deploy', 'web', '--env', 'dev', '--token', 't'], { DO_NOT_TRACK: '1' });
    expect(off.stdout).toBe(plain.stdout);
    expect(off.stderr).toBe(plain.stderr);
    expect(off.code).toBe(plain.code);
    expect(receiver.requests.length).toBe(before);
  });
});
