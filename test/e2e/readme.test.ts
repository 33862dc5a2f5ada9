// SPDX-License-Identifier: Apache-2.0
// Every README's usage, tried the way a newcomer tries it: a fresh tool written from the README's
// marked blocks (test/fixtures/readme/tools.ts), @clitel/* installed from packed tarballs into a
// fresh project, the framework from npm, a fresh HOME, and only the env the README names. Each
// must send one correct span on its second run (the first shows the notice), and the `telemetry`
// command must do what the README says.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packAndInstall, pinnedDevDependency, type PackedProject } from '../helpers/packed.js';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { filesUnder, freshHome, REPO, runCli, type CliResult } from '../helpers/run-cli.js';
import { DEPLOY, readmeTools, registerTool, type ReadmeTool } from '../fixtures/readme/tools.js';

const WORKSPACES = ['core', 'commander', 'yargs', 'oclif', 'cac', 'citty', 'parseargs', 'register'].map((p) => `packages/${p}`);
const FRAMEWORKS = [
  pinnedDevDependency('packages/commander', 'commander'),
  pinnedDevDependency('packages/yargs', 'yargs'),
  pinnedDevDependency('packages/cac', 'cac'),
  pinnedDevDependency('packages/citty', 'citty'),
  pinnedDevDependency('packages/oclif', '@oclif/core'),
];
const TSC = join(REPO, 'node_modules/typescript/bin/tsc');
const NOTICE = /^acme collects anonymous usage data/m;

const tools = readmeTools();
const registered = registerTool();
let packed: PackedProject;

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** Runs a command line of a README (`[VAR=value …] command args…`) as a process, in `cwd`. */
function runLine(line: string, options: { cwd: string; home: string; env: Record<string, string>; path: string }): Promise<CliResult> {
  const words = line.trim().split(/\s+/);
  const env: Record<string, string> = { PATH: options.path, HOME: options.home, CLITEL_SEND_NOW: '1', ...options.env };
  while (/^[A-Z_]+=/.test(words[0])) {
    const [name, ...value] = words.shift()!.split('=');
    env[name] = value.join('=');
  }
  const [command, ...args] = words;
  return new Promise((resolve, reject) => {
    const child = spawn(command === 'node' ? process.execPath : command, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  packed = await packAndInstall(WORKSPACES, FRAMEWORKS);
  for (const tool of tools) {
    const dir = join(packed.project, tool.dir);
    writeFiles(dir, tool.files);
    if (tool.compile === true) {
      const compiled = await runLine(`node ${TSC} -p tsconfig.json`, { cwd: dir, home: freshHome(), env: {}, path: process.env.PATH ?? '' });
      if (compiled.code !== 0) throw new Error(`${tool.readme}: tsc failed:\n${compiled.stdout}${compiled.stderr}`);
    }
  }
  // The registered tool as npm installs a bin: executable, linked from node_modules/.bin.
  const dir = join(packed.project, registered.dir);
  writeFiles(dir, registered.files);
  chmodSync(join(dir, 'cli.js'), 0o755);
  mkdirSync(join(dir, 'node_modules/.bin'), { recursive: true });
  symlinkSync('../../cli.js', join(dir, 'node_modules/.bin/acme'));
}, 300_000);
afterAll(() => { if (packed != null) rmSync(packed.work, { recursive: true, force: true }); });

/** The env a newcomer sets, as each README says: the collector's address, and runs sent at once. */
function newcomerEnv(receiver: Receiver, readme: string): Record<string, string> {
  const text = readFileSync(join(REPO, readme), 'utf8');
  expect(text.includes('OTEL_EXPORTER_OTLP_ENDPOINT'), `${readme} names OTEL_EXPORTER_OTLP_ENDPOINT`).toBe(true);
  expect(text.includes('CLITEL_SEND_NOW=1'), `${readme} names CLITEL_SEND_NOW=1`).toBe(true);
  return { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, CLITEL_SEND_NOW: '1' };
}

function describeTool(tool: ReadmeTool): void {
  describe(`a tool written from ${tool.readme}`, () => {
    let receiver: Receiver;
    beforeAll(async () => { receiver = await startReceiver(); });
    afterAll(async () => { await receiver.close(); });
    const run = (args: string[], home: string, env: Record<string, string> = {}): Promise<CliResult> =>
      runCli(args, { script: join(packed.project, tool.dir, tool.bin), cwd: join(packed.project, tool.dir), home, env: { ...newcomerEnv(receiver, tool.readme), ...env } });

    it('shows the notice on the first run, then sends one span with the tool, command and options', async () => {
      const home = freshHome();
      const first = await run(DEPLOY.args, home);
      expect(first).toMatchObject({ code: 0, stdout: DEPLOY.stdout });
      expect(first.stderr).toMatch(NOTICE);
      const second = await run(DEPLOY.args, home);
      expect(second).toMatchObject({ code: 0, stdout: DEPLOY.stdout, stderr: '' });
      const spans = await receiver.waitForSpans(1);
      expect(spans.map((s) => s.name)).toEqual(['acme deploy']);
      const [span] = spans;
      expect(span.resource).toMatchObject({ 'service.name': 'acme', 'service.version': '1.4.2' });
      expect(span.attributes).toMatchObject({ 'clitel.command': 'deploy', 'clitel.options': ['env', 'token'], 'clitel.option.env': 'prod', 'process.exit.code': 0 });
      expect(receiver.allBytes().includes('tok_readme_secret')).toBe(false);
    });

    it('telemetry status, show and disable work as the README says', async () => {
      const home = freshHome();
      await run(DEPLOY.args, home);
      const before = receiver.spans().length;
      await run(DEPLOY.args, home);
      await receiver.waitForSpans(before + 1);
      const status = await run(['telemetry', 'status'], home);
      expect(status).toMatchObject({ code: 0, stderr: '' });
      expect(status.stdout).toMatch(/^Telemetry for acme is on: on by default \(opt-out\)\./);
      const show = await run(['telemetry', 'show'], home);
      expect(show).toMatchObject({ code: 0, stderr: '' });
      expect(show.stdout).toMatch(/^What acme sent from this machine/m);
      expect(show.stdout).toContain('acme deploy');
      const disable = await run(['telemetry', 'disable'], home);
      expect(disable).toMatchObject({ code: 0, stderr: '' });
      expect(disable.stdout).toMatch(/^Telemetry disabled for acme /);
      // Sync delivery (CI=true): a run that were to send would have sent before it exits.
      const requests = receiver.requests.length;
      expect(await run(DEPLOY.args, home, { CI: 'true' })).toMatchObject({ code: 0, stdout: DEPLOY.stdout, stderr: '' });
      expect(receiver.requests.length).toBe(requests);
      expect(filesUnder(join(home, '.local/state/clitel/acme'))).toEqual([]);
      expect((await run(['telemetry', 'status'], home)).stdout).toMatch(/^Telemetry for acme is off: disabled in /);
    });

    if (tool.help) {
      it('lists the telemetry command in the tool\'s help, beside its own commands', async () => {
        const help = await run(['--help'], freshHome(), { DO_NOT_TRACK: '1' });
        expect(help.code).toBe(0);
        // A command line of the help: indented, after the program's name where the framework shows it.
        const lines = stripVTControlCharacters(help.stdout);
        expect(lines).toMatch(/^\s+(?:\S+ )?deploy\b/m);
        expect(lines).toMatch(/^\s+(?:\S+ )?telemetry\b/m);
      });
    }
  });
}

for (const tool of tools) describeTool(tool);

describe(`a tool run with @clitel/register as ${registered.readme} shows`, () => {
  let receiver: Receiver;
  beforeAll(async () => { receiver = await startReceiver(); });
  afterAll(async () => { await receiver.close(); });

  it('sends nothing while opt-in, answers telemetry enable, then records each line of the usage block', async () => {
    const dir = join(packed.project, registered.dir);
    const home = freshHome();
    const env = newcomerEnv(receiver, registered.readme);
    const path = [join(dir, 'node_modules/.bin'), dirname(process.execPath), process.env.PATH ?? ''].join(':');
    const line = (text: string): Promise<CliResult> => runLine(text, { cwd: dir, home, env, path });
    const telemetry = (action: string): Promise<CliResult> => line(`node --import @clitel/register ./cli.js telemetry ${action}`);
    expect(registered.lines).toHaveLength(2);
    for (const text of registered.lines) expect(await line(text)).toMatchObject({ code: 0, stdout: DEPLOY.stdout, stderr: '' });
    expect(receiver.requests).toHaveLength(0);

    expect((await telemetry('status')).stdout).toMatch(/^Telemetry for acme is off: off by default until you enable it \(opt-in\)\./);
    const enable = await telemetry('enable');
    expect(enable).toMatchObject({ code: 0, stderr: '' });
    expect(enable.stdout).toMatch(/^Telemetry enabled for acme /);
    for (const text of registered.lines) expect(await line(text)).toMatchObject({ code: 0, stdout: DEPLOY.stdout, stderr: '' });
    const spans = await receiver.waitForSpans(registered.lines.length);
    expect(spans.map((s) => s.name)).toEqual(registered.lines.map(() => 'acme deploy'));
    for (const span of spans) {
      expect(span.resource).toMatchObject({ 'service.name': 'acme', 'service.version': '1.4.2' });
      expect(span.attributes).toMatchObject({ 'clitel.command': 'deploy', 'process.exit.code': 0 });
      expect(JSON.stringify(span.attributes)).not.toContain('web');
    }
    expect((await telemetry('show')).stdout).toContain('acme deploy');

    const disable = await telemetry('disable');
    expect(disable).toMatchObject({ code: 0, stderr: '' });
    const requests = receiver.requests.length;
    expect(await line(registered.lines[0])).toMatchObject({ code: 0, stdout: DEPLOY.stdout, stderr: '' });
    expect(receiver.requests.length).toBe(requests);
  });
});
