// SPDX-License-Identifier: Apache-2.0
// `node --import @clitel/register` on tools that know nothing of clitel (test/fixtures/register),
// spawned against a real receiver. Every run is compared with the same tool run without it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { freshHome, REPO, runCli, type CliResult } from '../helpers/run-cli.js';
import { noticedHome } from '../helpers/acme.js';
import type { DecodedSpan } from '../helpers/otlp-decode.js';

const FIXTURES = join(REPO, 'test/fixtures/register');
const ESM = join(FIXTURES, 'esm-commander/cli.js');
const CJS = join(FIXTURES, 'cjs-commander/cli.js');
const PLAIN = join(FIXTURES, 'plain/cli.js');
const YARGS = join(FIXTURES, 'esm-yargs/cli.js');
const MARKER = join(FIXTURES, 'bin-marker');
const REGISTER = ['--import', '@clitel/register'];

let receiver: Receiver;
beforeAll(async () => { receiver = await startReceiver(); });
afterAll(async () => { await receiver.close(); });

interface Case { script: string; tool: string; args: string[]; env?: Record<string, string>; nodeArgs?: string[] }

function run(c: Case, instrumented: boolean, home = noticedHome(c.tool)): Promise<CliResult> {
  return runCli(c.args, {
    script: c.script,
    home,
    nodeArgs: instrumented ? (c.nodeArgs ?? REGISTER) : [],
    env: { CI: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, ...c.env },
  });
}

/** Runs with and without register; asserts identical output and returns the one span. */
async function spanOf(c: Case, compareStderr = true): Promise<{ run: CliResult; span: DecodedSpan }> {
  const plain = await run(c, false);
  const before = receiver.spans().length;
  const result = await run(c, true);
  const spans = (await receiver.waitForSpans(before + 1)).slice(before);
  expect(result.stdout).toBe(plain.stdout);
  if (compareStderr) expect(result.stderr).toBe(plain.stderr);
  expect(result.code).toBe(plain.code);
  expect(spans).toHaveLength(1);
  return { run: result, span: spans[0] };
}

describe('@clitel/register with commander', () => {
  it('records an ESM commander subcommand; name and version from the bin entry of package.json', async () => {
    const { run: r, span } = await spanOf({ script: ESM, tool: 'reg-esm', args: ['deploy', 'web', '--env', 'prod', '--force'] });
    expect(r.stdout).toBe('deploy web to prod in eu-west-1 (forced)\n');
    expect(span.name).toBe('reg-esm deploy');
    expect(span.resource['service.name']).toBe('reg-esm');
    expect(span.resource['service.version']).toBe('3.1.0');
    expect(span.attributes['clitel.options']).toEqual(['env', 'force']);
    // the "clitel" key of package.json names a schema that allows the env value
    expect(span.attributes['clitel.option.env']).toBe('prod');
  });

  it('records a nested command, an unknown command and the exit code the tool set', async () => {
    expect((await spanOf({ script: ESM, tool: 'reg-esm', args: ['remote', 'add', 'origin', '--url', 'u'] })).span.name).toBe('reg-esm remote add');
    const unknown = await spanOf({ script: ESM, tool: 'reg-esm', args: ['frobnicate', '--secret', 'hunter2'] });
    expect(unknown.run.code).toBe(1);
    expect(unknown.span.name).toBe('reg-esm _unknown');
    expect(unknown.span.attributes['error.type']).toBe('CommanderError');
    const fail = await spanOf({ script: ESM, tool: 'reg-esm', args: ['fail'] });
    expect(fail.run.code).toBe(4);
    expect(fail.span.attributes['process.exit.code']).toBe(4);
    expect(receiver.allBytes().includes('hunter2')).toBe(false);
    expect(receiver.allBytes().includes('frobnicate')).toBe(false);
  });

  it('records --help and --version and adds no telemetry subcommand to the help', async () => {
    const help = await spanOf({ script: ESM, tool: 'reg-esm', args: ['--help'] });
    expect(help.run.stdout).not.toContain('telemetry');
    expect(help.span.name).toBe('reg-esm');
    expect((await spanOf({ script: ESM, tool: 'reg-esm', args: ['--version'] })).run.stdout).toBe('3.1.0\n');
  });

  it('leaves `telemetry` to the tool and names no telemetry command in the first-run notice', async () => {
    const c: Case = { script: ESM, tool: 'reg-esm', args: ['telemetry', 'disable'] };
    const plain = await run(c, false, freshHome());
    const first = await run(c, true, freshHome());
    expect(first).toMatchObject({ code: plain.code, stdout: plain.stdout });
    expect(first.stderr).toContain('Turn it off with: REG_ESM_TELEMETRY_OPTOUT=1, or DO_NOT_TRACK=1.');
    expect(first.stderr).not.toContain('reg-esm telemetry');
  });

  it('records a CommonJS commander program (the global program) and only the options the user set', async () => {
    const { span } = await spanOf({ script: CJS, tool: 'reg-cjs', args: ['build', '-w'] });
    expect(span.name).toBe('reg-cjs build');
    expect(span.resource['service.version']).toBe('0.9.0');
    expect(span.attributes['clitel.options']).toEqual(['watch']);
    expect(span.attributes['clitel.option.watch']).toBeUndefined();
  });

  it('records an uncaught error of a CommonJS tool with its class only', async () => {
    const { run: r, span } = await spanOf({ script: CJS, tool: 'reg-cjs', args: ['crash'] }, false);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('RangeError: bad input in /home/alice/project');
    expect(span.attributes['error.type']).toBe('RangeError');
    expect(receiver.allBytes().includes('/home/alice')).toBe(false);
  });

  it('works through NODE_OPTIONS=--import=@clitel/register', async () => {
    const { span } = await spanOf({ script: CJS, tool: 'reg-cjs', args: ['build'], nodeArgs: [], env: { NODE_OPTIONS: '--import=@clitel/register' } });
    expect(span.name).toBe('reg-cjs build');
  });
});

describe('@clitel/register with yargs', () => {
  it('records an ESM yargs command, its options, a strict-mode failure and --help', async () => {
    const serve = await spanOf({ script: YARGS, tool: 'reg-yargs', args: ['serve', '9000', '-v'] });
    expect(serve.run.stdout).toBe('serving on 9000 (verbose)\n');
    expect(serve.span.name).toBe('reg-yargs serve');
    expect(serve.span.resource['service.version']).toBe('1.5.0');
    expect(serve.span.attributes['clitel.options']).toEqual(['verbose']);
    const unknown = await spanOf({ script: YARGS, tool: 'reg-yargs', args: ['frobnicate'] });
    expect(unknown.run.code).toBe(1);
    expect(unknown.span.name).toBe('reg-yargs _unknown');
    expect(unknown.span.attributes['error.type']).toBe('YError');
    const help = await spanOf({ script: YARGS, tool: 'reg-yargs', args: ['--help'] });
    expect(help.run.stdout).not.toContain('telemetry');
    expect(help.span.name).toBe('reg-yargs');
    const fail = await spanOf({ script: YARGS, tool: 'reg-yargs', args: ['fail'] });
    expect(fail.span.attributes['process.exit.code']).toBe(6);
  });
});

describe('@clitel/register naming the tool', () => {
  it('names the package that owns the bin, past a bin/package.json type marker, in a checkout', async () => {
    const { run: r, span } = await spanOf({ script: join(MARKER, 'bin/cli.js'), tool: 'marker-tool', args: ['a@b.example'] });
    expect(r.stdout).toBe('marker function 1\n');
    expect(span.resource['service.name']).toBe('marker-tool');
    expect(span.resource['service.version']).toBe('4.2.0');
  });

  it('names an installed package at its node_modules/@scope/<pkg> root, never the project around it', async () => {
    const project = mkdtempSync(join(tmpdir(), 'clitel-project-'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'project', version: '9.9.9', bin: { project: './x.js' } }));
    cpSync(MARKER, join(project, 'node_modules/@acme/marker-tool'), { recursive: true });
    const { span } = await spanOf({ script: join(project, 'node_modules/@acme/marker-tool/bin/cli.js'), tool: 'marker-tool', args: [] });
    expect(span.resource['service.name']).toBe('marker-tool');
    expect(span.resource['service.version']).toBe('4.2.0');
  });
});

describe('@clitel/register with commander older than the adapter supports', () => {
  it('records the subcommand of a commander 2 program, never its operands or option values', async () => {
    // commander 2.20 as npm installed it for terser (a devDependency of test/corpus)
    const commander2 = join(REPO, 'node_modules/terser/node_modules/commander');
    expect(existsSync(join(commander2, 'package.json')), 'npm ci installs test/corpus').toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'clitel-legacy-'));
    cpSync(join(FIXTURES, 'legacy-commander'), dir, { recursive: true });
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(commander2, join(dir, 'node_modules/commander'));
    const script = join(dir, 'cli.js');
    const deploy = await spanOf({ script, tool: 'reg-legacy', args: ['deploy', 'prod-eu', '--token', 'tok_legacy_secret'] });
    expect(deploy.run.stdout).toBe('deploy prod-eu (with token)\n');
    expect(deploy.span.name).toBe('reg-legacy deploy');
    expect(deploy.span.resource['service.version']).toBe('2.4.0');
    expect(deploy.span.attributes['clitel.options']).toBeUndefined();
    const fail = await spanOf({ script, tool: 'reg-legacy', args: ['fail'] });
    expect(fail.run.code).toBe(3);
    expect(fail.span.name).toBe('reg-legacy fail');
    expect(fail.span.attributes['process.exit.code']).toBe(3);
    expect((await spanOf({ script, tool: 'reg-legacy', args: ['--version'] })).span.name).toBe('reg-legacy _unknown');
    for (const secret of ['prod-eu', 'tok_legacy_secret']) expect(receiver.allBytes().includes(secret)).toBe(false);
  });
});

describe('@clitel/register on a CI that does not set CI', () => {
  it('tags a Jenkins build (JENKINS_URL and BUILD_ID only) as CI, with its provider', async () => {
    const before = receiver.spans().length;
    const env = { JENKINS_URL: 'https://jenkins.example', BUILD_ID: '7', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url };
    const r = await runCli(['build'], { script: CJS, home: noticedHome('reg-cjs'), env, nodeArgs: REGISTER });
    expect(r.code).toBe(0);
    const spans = (await receiver.waitForSpans(before + 1)).slice(before);
    expect(spans).toHaveLength(1);
    expect(spans[0].resource['clitel.ci']).toBe(true);
    expect(spans[0].resource['clitel.ci.provider']).toBe('Jenkins');
    expect(receiver.allBytes().includes('jenkins.example')).toBe(false);
  });
});

describe('@clitel/register without a framework it knows', () => {
  it('records one run span with the exit code only, never argv', async () => {
    const { run: r, span } = await spanOf({ script: PLAIN, tool: 'reg-plain', args: ['fail', '--token', 'tok_secret'] });
    expect(r.code).toBe(5);
    expect(span.name).toBe('reg-plain _unknown');
    expect(span.attributes['clitel.command']).toBe('_unknown');
    expect(span.attributes['process.exit.code']).toBe(5);
    expect(span.attributes['clitel.options']).toBeUndefined();
    expect(receiver.allBytes().includes('tok_secret')).toBe(false);
    expect(receiver.allBytes().includes('--token')).toBe(false);
  });

  it('leaves a bundled single-file commander CLI unchanged and records the run only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clitel-bundle-'));
    mkdirSync(join(dir, 'bin'));
    const built = buildSync({ entryPoints: [CJS], bundle: true, platform: 'node', format: 'cjs', outfile: join(dir, 'bin/cli.js'), logLevel: 'silent' });
    expect(built.errors).toEqual([]);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'reg-bundled', version: '1.2.3', bin: { 'reg-bundled': './bin/cli.js' } }));
    const { run: r, span } = await spanOf({ script: join(dir, 'bin/cli.js'), tool: 'reg-bundled', args: ['build', '--out', 'x'] });
    expect(r.stdout).toBe('built into x\n');
    expect(span.name).toBe('reg-bundled _unknown');
    expect(span.resource['service.version']).toBe('1.2.3');
    expect(span.attributes['process.exit.code']).toBe(0);
  });

  it('is silent and changes nothing when the tool has a broken clitel.config.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clitel-broken-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'reg-broken', version: '1.0.0', type: 'module' }));
    writeFileSync(join(dir, 'clitel.config.json'), '{ not json');
    writeFileSync(join(dir, 'cli.js'), "process.stdout.write('ok\\n');\n");
    const c: Case = { script: join(dir, 'cli.js'), tool: 'reg-broken', args: [] };
    const before = receiver.requests.length;
    const plain = await run(c, false);
    const instrumented = await run(c, true);
    expect(instrumented).toEqual(plain);
    expect(receiver.requests.length).toBe(before);
    const debug = await run({ ...c, env: { CLITEL_DEBUG: '1' } }, true);
    expect(debug.stdout).toBe('ok\n');
    expect(debug.stderr).toMatch(/^clitel: not instrumented \(SyntaxError\)$/m);
  });

  it('leaves a tool that already uses clitel to record its own run, once', async () => {
    const { span } = await spanOf({ script: join(REPO, 'examples/acme/bin/acme.js'), tool: 'acme', args: ['greet', '--name', 'Ada'] });
    expect(span.name).toBe('acme greet');
    expect(span.attributes['clitel.options']).toEqual(['name']);
  });

  it('sends nothing and changes nothing when DO_NOT_TRACK=1', async () => {
    const c: Case = { script: ESM, tool: 'reg-esm', args: ['deploy', 'web', '--env', 'dev'], env: { DO_NOT_TRACK: '1' } };
    const before = receiver.requests.length;
    expect(await run(c, true)).toEqual(await run(c, false));
    expect(receiver.requests.length).toBe(before);
  });
});
