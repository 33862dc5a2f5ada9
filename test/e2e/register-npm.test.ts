// SPDX-License-Identifier: Apache-2.0
// Real published CLIs (devDependencies of test/corpus) run through
// `node --import @clitel/register`: output unchanged, one correct span each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { REPO, runCli, type CliResult } from '../helpers/run-cli.js';
import { noticedHome } from '../helpers/acme.js';
import type { DecodedSpan } from '../helpers/otlp-decode.js';

const require = createRequire(join(REPO, 'test/corpus/package.json'));

/** The script behind a package's bin, where npm installed it for packages/register. */
function binOf(pkg: string, bin: string): string {
  const manifest = require.resolve(`${pkg}/package.json`);
  const bins = (JSON.parse(readFileSync(manifest, 'utf8')) as { bin: string | Record<string, string> }).bin;
  return join(dirname(manifest), typeof bins === 'string' ? bins : bins[bin]);
}

let receiver: Receiver;
let work: string;
beforeAll(async () => {
  receiver = await startReceiver();
  work = mkdtempSync(join(tmpdir(), 'clitel-npm-'));
  writeFileSync(join(work, 'bad.md'), '#Title\n\nSome text.\n');
  writeFileSync(join(work, 'style.css'), 'a {\n  color: #ff0000;\n  margin: 0px;\n}\n');
});
afterAll(async () => { await receiver.close(); });

/** Runs the CLI with and without register; asserts identical output and returns the one span. */
async function spanOf(script: string, tool: string, args: string[]): Promise<{ run: CliResult; span: DecodedSpan }> {
  const env = { CI: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url };
  const plain = await runCli(args, { script, home: noticedHome(tool), env });
  const before = receiver.spans().length;
  const run = await runCli(args, { script, home: noticedHome(tool), env, nodeArgs: ['--import', '@clitel/register'] });
  const spans = (await receiver.waitForSpans(before + 1)).slice(before);
  expect(run.stdout).toBe(plain.stdout);
  expect(run.stderr).toBe(plain.stderr);
  expect(run.code).toBe(plain.code);
  expect(spans).toHaveLength(1);
  expect(spans[0].resource['service.name']).toBe(tool);
  return { run, span: spans[0] };
}

describe('real CLIs from npm through --import @clitel/register', () => {
  it('markdownlint-cli (ESM, commander 13): the run, the options set and the exit code', async () => {
    const script = binOf('markdownlint-cli', 'markdownlint');
    const { run, span } = await spanOf(script, 'markdownlint', ['--disable', 'MD041', '--', join(work, 'bad.md')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('MD018/no-missing-space-atx');
    expect(span.name).toBe('markdownlint');
    expect(span.resource['service.version']).toBe('0.45.0');
    expect(span.attributes['clitel.options']).toEqual(['disable']);
    expect(span.attributes['process.exit.code']).toBe(1);
    expect(span.attributes['error.type']).toBe('1');
    const version = await spanOf(script, 'markdownlint', ['--version']);
    expect(version.run.stdout).toBe('0.45.0\n');
    expect(version.span.attributes['process.exit.code']).toBe(0);
    expect(receiver.allBytes().includes('bad.md')).toBe(false);
    expect(receiver.allBytes().includes('MD041')).toBe(false);
  });

  it('gh-pages (CommonJS, commander 13): a parse error with the option the user set', async () => {
    const script = binOf('gh-pages', 'gh-pages');
    const { run, span } = await spanOf(script, 'gh-pages', ['-x']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("required option '-d, --dist <dist>' not specified");
    expect(span.name).toBe('gh-pages');
    expect(span.attributes['clitel.options']).toEqual(['silent']);
    expect(span.attributes['error.type']).toBe('CommanderError');
    expect((await spanOf(script, 'gh-pages', ['--version'])).run.stdout).toBe('6.3.0\n');
  });

  it('concurrently (CommonJS, yargs 17): the run and the options set', async () => {
    const { run, span } = await spanOf(binOf('concurrently', 'concurrently'), 'concurrently', ['-n', 'job', 'echo hi']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('[job] hi\n[job] echo hi exited with code 0\n');
    expect(span.name).toBe('concurrently');
    expect(span.resource['service.version']).toBe('9.2.5');
    expect(span.attributes['clitel.options']).toEqual(['names']);
    expect(receiver.allBytes().includes('echo hi')).toBe(false);
  });

  it('replace-in-file (ESM, yargs 17): the run, without the undeclared flags or the operands', async () => {
    const script = binOf('replace-in-file', 'replace-in-file');
    const file = join(work, 'notes.txt');
    const env = { CI: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url };
    const args = ['hello', 'goodbye', file, '--verbose'];
    writeFileSync(file, 'hello world\n');
    const plain = await runCli(args, { script, home: noticedHome('replace-in-file'), env });
    writeFileSync(file, 'hello world\n');
    const before = receiver.spans().length;
    const run = await runCli(args, { script, home: noticedHome('replace-in-file'), env, nodeArgs: ['--import', '@clitel/register'] });
    const spans = (await receiver.waitForSpans(before + 1)).slice(before);
    expect(run).toEqual(plain);
    expect(run.stdout).toContain('1 file(s) were changed');
    expect(readFileSync(file, 'utf8')).toBe('goodbye world\n');
    expect(spans).toHaveLength(1);
    expect(spans[0].name).toBe('replace-in-file');
    expect(spans[0].attributes['process.exit.code']).toBe(0);
    expect(spans[0].attributes['clitel.options']).toBeUndefined();
    expect(receiver.allBytes().includes('goodbye')).toBe(false);
  });

  it('cowsay (CommonJS, yargs 15): the run with its exit code only', async () => {
    const { run, span } = await spanOf(binOf('cowsay', 'cowsay'), 'cowsay', ['-e', 'oo', 'moo-secret']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('< moo-secret >');
    expect(span.name).toBe('cowsay _unknown');
    expect(span.resource['service.version']).toBe('1.6.0');
    expect(span.attributes['process.exit.code']).toBe(0);
    expect(span.attributes['clitel.options']).toBeUndefined();
    expect(receiver.allBytes().includes('moo-secret')).toBe(false);
  });

  it('clean-css-cli (CommonJS, commander 7, older than the adapter supports): the root command only', async () => {
    const { run, span } = await spanOf(binOf('clean-css-cli', 'cleancss'), 'cleancss', ['-O1', join(work, 'style.css')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('a{color:red;margin:0}');
    expect(span.name).toBe('cleancss');
    expect(span.attributes['clitel.options']).toBeUndefined();
    expect(span.attributes['process.exit.code']).toBe(0);
    expect(receiver.allBytes().includes('style.css')).toBe(false);
  });
});
