// SPDX-License-Identifier: Apache-2.0
// Minimal mode for cautious users: CLITEL_LEVEL=minimal sends only the command, its result and
// its duration, plus service.name and service.version. No platform, no ids, no option names.
// Delivery is the default background sender (bounded by 30 s, not by CI mode's 1 s, so a busy
// machine cannot drop a span); each run waits for its own span before the next starts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { runAcme } from '../helpers/acme.js';
import type { DecodedSpan } from '../helpers/otlp-decode.js';
import type { CliResult } from '../helpers/run-cli.js';

let receiver: Receiver;
beforeAll(async () => { receiver = await startReceiver(); });
afterAll(async () => { await receiver.close(); });

async function minimal(args: string[], env: Record<string, string> = {}): Promise<{ run: CliResult; span: DecodedSpan; bytes: string }> {
  const before = receiver.requests.length;
  const spansBefore = receiver.spans().length;
  const run = await runAcme(args, receiver.url, { env: { CI: '', CLITEL_LEVEL: 'minimal', ...env } });
  const spans = (await receiver.waitForSpans(spansBefore + 1, 25_000)).slice(spansBefore);
  expect(spans).toHaveLength(1);
  return { run, span: spans[0], bytes: Buffer.concat(receiver.requests.slice(before).map((r) => r.body)).toString('latin1') };
}

const DEPLOY = ['deploy', 'web', '--env', 'prod', '--token', 'tok_live_123', '--force'];

describe('minimal mode', () => {
  it('sends only command, result and duration with service.name and service.version', async () => {
    const { run, span } = await minimal(DEPLOY);
    expect(run.code).toBe(0);
    expect(span.name).toBe('acme deploy');
    expect(span.resource).toEqual({ 'service.name': 'acme', 'service.version': '1.4.2' });
    expect(span.attributes).toEqual({ 'clitel.command': 'deploy', 'process.executable.name': 'acme', 'process.exit.code': 0 });
    expect(span.events).toEqual([]);
    expect(span.end > span.start).toBe(true);
  });

  it('puts no option names or values, platform, ids or stages on the wire', async () => {
    const { bytes } = await minimal(DEPLOY);
    for (const absent of ['clitel.options', 'clitel.option.', 'token', 'force', 'prod', 'tok_live', 'web', 'os.type', 'host.arch',
      'process.runtime', 'telemetry.sdk', 'clitel.installation.id', 'clitel.session.id', 'clitel.run.id', 'clitel.ci', 'build', 'upload']) {
      expect(bytes).not.toContain(absent);
    }
  });

  it('keeps the result of a failed run: exit code, error status and error.type', async () => {
    const { run, span } = await minimal(['fail']);
    expect(run.code).toBe(3);
    expect(span.status).toBe(2);
    expect(span.attributes).toEqual({ 'clitel.command': 'fail', 'process.executable.name': 'acme', 'process.exit.code': 3, 'error.type': '3' });
  });

  it('sends no exception event or stack frames for a crash', async () => {
    const { run, span, bytes } = await minimal(['crash']);
    expect(run.code).toBe(1);
    expect(span.attributes['error.type']).toBe('Error');
    expect(span.events).toEqual([]);
    expect(bytes).not.toContain('exception');
    expect(bytes).not.toContain('acme.js');
  });

  it('gives the same output and exit code as a full-level run', async () => {
    const spansBefore = receiver.spans().length;
    const full = await runAcme(DEPLOY, receiver.url, { env: { CI: '' } });
    await receiver.waitForSpans(spansBefore + 1);
    const { run } = await minimal(DEPLOY);
    expect(run.stdout).toBe(full.stdout);
    expect(run.code).toBe(full.code);
  });

  it('ignores an unknown CLITEL_LEVEL and stays at the full level', async () => {
    const { span } = await minimal(DEPLOY, { CLITEL_LEVEL: 'tiny' });
    expect(span.resource['os.type']).toBeDefined();
    expect(span.attributes['clitel.options']).toEqual(['env', 'force', 'token']);
  });
});
