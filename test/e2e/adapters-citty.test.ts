// SPDX-License-Identifier: Apache-2.0
// @clitel/citty on a real citty CLI (test/fixtures/adapters/citty.mjs), spawned against a real
// receiver. Every run is compared with the same CLI run without instrument() (FIXTURE_PLAIN=1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { harness, helpWithoutTelemetry, TOOL } from '../fixtures/adapters/harness.js';

let receiver: Receiver;
beforeAll(async () => { receiver = await startReceiver(); });
afterAll(async () => { await receiver.close(); });
const fx = harness('citty', () => receiver);

describe('@clitel/citty on a real citty CLI', () => {
  it('records a subcommand with the options the user set, never defaults, keeping the tool\'s hooks', async () => {
    const { run, span } = await fx.spanOf(['greet', '--name', 'Ada']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Hello, Ada!\n');
    expect(run.stderr).toBe('fx: cleanup\n');
    expect(span.name).toBe('fx greet');
    expect(span.status).toBe(0);
    expect(span.attributes['process.executable.name']).toBe(TOOL);
    expect(span.attributes['process.exit.code']).toBe(0);
    expect(span.attributes['error.type']).toBeUndefined();
    expect(span.attributes['clitel.command']).toBe('greet');
    expect(span.attributes['clitel.options']).toEqual(['name']);
    expect(Object.keys(span.attributes).filter((k) => k.startsWith('clitel.option.'))).toEqual([]);
    expect(span.resource['service.name']).toBe(TOOL);
    expect(span.resource['service.version']).toBe('1.0.0');
    expect(receiver.allBytes().includes('Ada')).toBe(false);
  });

  it('records allowlisted option values, _other outside the list, and an option of the main command', async () => {
    const { run, span } = await fx.spanOf(['greet', '--name', 'Ada', '--lang', 'fr', '--loud', '--verbose']);
    expect(run.stdout).toBe('BONJOUR, ADA!\n');
    expect(run.stderr).toBe('fx: verbose\nfx: cleanup\n');
    expect(span.attributes['clitel.options']).toEqual(['lang', 'loud', 'name', 'verbose']);
    expect(span.attributes['clitel.option.lang']).toBe('fr');
    expect(span.attributes['clitel.option.loud']).toBe(true);
    const other = await fx.spanOf(['greet', '--name=Bo', '--lang=de', '--no-loud']);
    expect(other.span.attributes['clitel.options']).toEqual(['lang', 'loud', 'name']);
    expect(other.span.attributes['clitel.option.lang']).toBe('_other');
    expect(other.span.attributes['clitel.option.loud']).toBe(false);
  });

  it('records a nested subcommand of a lazy command, also through its alias, without its argument', async () => {
    const { run, span } = await fx.spanOf(['remote', 'add', 'origin', '--url', 'https://example.com/a.git']);
    expect(run.stdout).toBe('Added origin at https://example.com/a.git\n');
    expect(span.name).toBe('fx remote add');
    expect(span.attributes['clitel.command']).toBe('remote add');
    expect(span.attributes['clitel.options']).toEqual(['url']);
    expect(span.attributes['clitel.option.url']).toBeUndefined();
    expect((await fx.spanOf(['remote', 'new', 'upstream'])).span.name).toBe('fx remote add');
    expect((await fx.spanOf(['remote', 'remove', 'origin'])).span.name).toBe('fx remote remove');
    const bytes = receiver.allBytes();
    expect(bytes.includes('origin')).toBe(false);
    expect(bytes.includes('upstream')).toBe(false);
    expect(bytes.includes('example.com')).toBe(false);
  });

  it('records an unknown command as _unknown, at the root and below a command', async () => {
    const { run, span } = await fx.spanOf(['frobnicate', '--secret', 'hunter2'], { rootHelp: true });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Unknown command');
    expect(span.name).toBe('fx _unknown');
    expect(span.status).toBe(2);
    expect(span.attributes['error.type']).toBe('CLIError');
    expect(span.attributes['clitel.options']).toBeUndefined();
    expect((await fx.spanOf(['remote', 'frob'])).span.name).toBe('fx _unknown');
    const bytes = receiver.allBytes();
    expect(bytes.includes('frobnicate')).toBe(false);
    expect(bytes.includes('hunter2')).toBe(false);
  });

  it('records missing and invalid arguments of a known command', async () => {
    const missing = await fx.spanOf(['greet']);
    expect(missing.run.code).toBe(1);
    expect(missing.run.stderr).toContain('Missing required argument: --name');
    expect(missing.span.name).toBe('fx greet');
    expect(missing.span.attributes['process.exit.code']).toBe(1);
    expect(missing.span.attributes['error.type']).toBe('CLIError');
    const invalid = await fx.spanOf(['greet', '--name', 'x', '--lang', 'xx']);
    expect(invalid.span.name).toBe('fx greet');
    expect(invalid.span.attributes['error.type']).toBe('CLIError');
    expect(invalid.span.attributes['clitel.option.lang']).toBe('_other');
  });

  it('records --help and --version with exit code 0', async () => {
    const sub = await fx.spanOf(['remote', 'add', '--help']);
    expect(sub.run.code).toBe(0);
    expect(sub.run.stdout).toContain('remote url');
    expect(sub.span.name).toBe('fx remote add');
    expect(sub.span.attributes['process.exit.code']).toBe(0);
    const version = await fx.spanOf(['--version']);
    expect(version.run.stdout).toBe('1.0.0\n');
    expect(version.span.name).toBe(TOOL);
  });

  it('lists the telemetry command in the root help and changes nothing else', async () => {
    const plain = await fx.run(['--help'], { plain: true });
    const before = receiver.spans().length;
    const run = await fx.run(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/telemetry +show or change usage telemetry/);
    expect(helpWithoutTelemetry(run.stdout)).toBe(helpWithoutTelemetry(plain.stdout));
    const [span] = (await receiver.waitForSpans(before + 1)).slice(before);
    expect(span.name).toBe(TOOL);
  });

  it('records a thrown error with its class and scrubbed frames, never its message', async () => {
    const { run, span } = await fx.spanOf(['fail']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('secret.key');
    expect(span.name).toBe('fx fail');
    expect(span.attributes['error.type']).toBe('Error');
    const exception = span.events.find((e) => e.name === 'exception');
    expect(exception?.attributes['exception.type']).toBe('Error');
    expect(String(exception?.attributes['exception.stacktrace'])).toMatch(/^Error\n {4}at .*\(test\/fixtures\/adapters\/citty\.mjs:\d+:\d+\)/);
    expect(receiver.allBytes().includes('secret.key')).toBe(false);
  });

  it('runs the telemetry command without recording it', async () => {
    const before = receiver.spans().length;
    const status = await fx.run(['telemetry', 'status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^Telemetry for fx is on/);
    const home = fx.home();
    const disable = await fx.run(['telemetry', 'disable'], { home });
    expect(disable.stdout).toMatch(/^Telemetry disabled for fx/);
    const after = await fx.run(['greet', '--name', 'x'], { home });
    expect(after.code).toBe(0);
    const enable = await fx.run(['telemetry', 'enable', '--all'], { home });
    expect(enable.stdout).toMatch(/^Telemetry enabled for every clitel tool/);
    const wrong = await fx.run(['telemetry', 'frob']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('clitel.telemetry.failed');
    expect(receiver.spans().length).toBe(before);
  });

  it('changes nothing when HOME is unwritable and the endpoint is closed', async () => {
    await fx.expectBrokenWorldUnchanged(['greet', '--name', 'x']);
    await fx.expectBrokenWorldUnchanged(['fail']);
  });

  it('sends nothing and changes nothing when DO_NOT_TRACK=1', async () => {
    const before = receiver.requests.length;
    const plain = await fx.run(['greet', '--name', 'x'], { plain: true });
    const off = await fx.run(['greet', '--name', 'x'], { env: { DO_NOT_TRACK: '1' } });
    expect(off.stdout).toBe(plain.stdout);
    expect(off.stderr).toBe(plain.stderr);
    expect(off.code).toBe(plain.code);
    expect(receiver.requests.length).toBe(before);
  });
});
