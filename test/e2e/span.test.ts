// SPDX-License-Identifier: Apache-2.0
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { runAcme } from '../helpers/acme.js';

let receiver: Receiver;
beforeAll(async () => { receiver = await startReceiver(); });
afterAll(async () => { await receiver.close(); });

async function spanOf(args: string[], env: Record<string, string> = {}) {
  const before = receiver.spans().length;
  const run = await runAcme(args, receiver.url, { env });
  const spans = (await receiver.waitForSpans(before + 1)).slice(before);
  expect(spans).toHaveLength(1);
  return { run, span: spans[0] };
}

describe('one span per run', () => {
  it('records deploy with option names and only the allowlisted value', async () => {
    const { run, span } = await spanOf(['deploy', 'web', '--env', 'prod', '--token', 'tok_123', '--force']);
    expect(run.code).toBe(0);
    expect(span.name).toBe('acme deploy');
    expect(span.kind).toBe(1);
    expect(span.status).toBe(0);
    expect(span.attributes['process.executable.name']).toBe('acme');
    expect(span.attributes['process.exit.code']).toBe(0);
    expect(span.attributes['error.type']).toBeUndefined();
    expect(span.attributes['clitel.command']).toBe('deploy');
    expect(span.attributes['clitel.options']).toEqual(['env', 'force', 'token']);
    expect(span.attributes['clitel.option.env']).toBe('prod');
    expect(Object.keys(span.attributes).filter((k) => k.startsWith('clitel.option.'))).toEqual(['clitel.option.env']);
    expect(span.events.map((e) => e.name)).toEqual(['start', 'progress', 'progress', 'end']);
    expect(span.end > span.start).toBe(true);
    expect(span.resource['service.name']).toBe('acme');
    expect(span.resource['service.version']).toBe('1.4.2');
    expect(span.resource['telemetry.distro.name']).toBe('clitel');
    expect(span.resource['clitel.installation.id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('records an enum value outside the list as _other and never a default', async () => {
    const { span } = await spanOf(['deploy', 'web', '--env', 'qa', '--token', 't']);
    expect(span.attributes['clitel.option.env']).toBe('_other');
    expect(span.attributes['clitel.options']).toEqual(['env', 'token']);
  });

  it('records init and greet', async () => {
    expect((await spanOf(['init', 'my-app', '--template', 'react'])).span.attributes['clitel.options']).toEqual(['template']);
    const { span } = await spanOf(['greet', '--name', 'Alice']);
    expect(span.name).toBe('acme greet');
    expect(span.attributes['clitel.options']).toEqual(['name']);
  });

  it('records fail with exit code 3 and error.type "3"', async () => {
    const { run, span } = await spanOf(['fail']);
    expect(run.code).toBe(3);
    expect(span.status).toBe(2);
    expect(span.attributes['process.exit.code']).toBe(3);
    expect(span.attributes['error.type']).toBe('3');
  });

  it('records crash with the error class and scrubbed frames', async () => {
    const { run, span } = await spanOf(['crash']);
    expect(run.code).toBe(1);
    expect(span.attributes['error.type']).toBe('Error');
    const exception = span.events.find((e) => e.name === 'exception');
    expect(exception?.attributes['exception.type']).toBe('Error');
    expect(String(exception?.attributes['exception.stacktrace'])).toMatch(/^Error\n {4}at .*\(bin\/acme\.js:\d+:\d+\)/);
  });

  it('records an unknown command as _unknown', async () => {
    const { run, span } = await spanOf(['frobnicate', '--secret', 'x']);
    expect(run.code).toBe(1);
    expect(span.name).toBe('acme _unknown');
    expect(span.attributes['clitel.command']).toBe('_unknown');
    expect(span.attributes['error.type']).toBe('CommanderError');
  });

  it('records a parse error of a known command', async () => {
    const { run, span } = await spanOf(['deploy', 'web', '--env', 'dev']);
    expect(run.code).toBe(1);
    expect(span.name).toBe('acme deploy');
    expect(span.attributes['error.type']).toBe('CommanderError');
  });

  it('records --help and --version with exit code 0', async () => {
    const help = await spanOf(['deploy', '--help']);
    expect(help.run.code).toBe(0);
    expect(help.span.attributes['process.exit.code']).toBe(0);
    const version = await spanOf(['--version']);
    expect(version.run.stdout).toBe('1.4.2\n');
    expect(version.span.name).toBe('acme');
  });

  it('sends only command, result, duration and service.* at CLITEL_LEVEL=minimal', async () => {
    const { span } = await spanOf(['deploy', 'web', '--env', 'prod', '--token', 't'], { CLITEL_LEVEL: 'minimal' });
    expect(Object.keys(span.resource).sort()).toEqual(['service.name', 'service.version']);
    expect(Object.keys(span.attributes).sort()).toEqual(['clitel.command', 'process.executable.name', 'process.exit.code']);
    expect(span.events).toEqual([]);
  });

  it('sends OTLP/JSON when OTEL_EXPORTER_OTLP_PROTOCOL=http/json', async () => {
    const before = receiver.requests.length;
    const { span } = await spanOf(['greet', '--name', 'x'], { OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' });
    expect(receiver.requests[before].contentType).toContain('application/json');
    expect(span.name).toBe('acme greet');
  });
});
