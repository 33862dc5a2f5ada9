// SPDX-License-Identifier: Apache-2.0
// `clitel init` on commander and yargs projects: the instrumented CLI works as before and its runs
// reach a real receiver with the discovered commands and options.
import { execFile } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../src/receiver/otlp-receiver.js';
import type { SpanRow } from '../src/otlp/span-row.js';
import { runClitel } from './helpers/clitel-process.js';
import { writeCommanderProject, writeYargsProject } from './helpers/fixture-projects.js';

interface Run { code: number; stdout: string }

/** Every file of a project (not node_modules), path → text. */
function snapshot(root: string): Record<string, string> {
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.parentPath.includes('node_modules'));
  return Object.fromEntries(files.map((e) => [join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name), 'utf8')]));
}

function runNode(cwd: string, entry: string, args: readonly string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [entry, ...args], { cwd, env, timeout: 30_000 }, (error, stdout) => {
      resolve({ code: error == null ? 0 : Number((error as { code?: number }).code ?? 1), stdout });
    });
  });
}

describe('clitel init', () => {
  let dir: string;
  let receiver: Receiver;
  let rows: SpanRow[];
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clitel-init-'));
    rows = [];
    receiver = await startReceiver({ port: 0, onSpans: async (r) => { rows.push(...r); } });
  });
  afterEach(async () => {
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const env = (): Record<string, string> => ({ PATH: process.env.PATH ?? '', HOME: join(dir, 'home'), CI: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url });

  async function instrumentAndCompare(project: string, entry: string, runs: string[][]): Promise<void> {
    const before = [];
    for (const args of runs) before.push(await runNode(project, entry, args, env()));
    const dry = await runClitel(['init', '--json'], { cwd: project });
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout).written).toBe(false);
    expect(readFileSync(join(project, entry), 'utf8')).not.toContain('@clitel/');
    const write = await runClitel(['init', '--write'], { cwd: project });
    expect(write.code).toBe(0);
    const written = snapshot(project);
    const again = await runClitel(['init', '--write', '--json'], { cwd: project });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).changes).toEqual([]);
    expect(snapshot(project)).toEqual(written);
    await runNode(project, entry, runs[0] as string[], env()); // the first run shows the notice and sends nothing
    rows.length = 0;
    for (const [i, args] of runs.entries()) expect(await runNode(project, entry, args, env())).toEqual(before[i]);
  }

  it('instruments a commander CLI: schema, adapter call, dependency, README', async () => {
    const project = join(dir, 'tasker');
    writeCommanderProject(project);
    await instrumentAndCompare(project, 'bin/tasker.js', [['list'], ['add', 'milk', '--status', 'doing', '-p', '1'], ['remote', 'add', 'origin', '--url', 'https://x'], ['fail'], ['-v', 'list', '--all']]);
    const schema = JSON.parse(readFileSync(join(project, 'telemetry.schema.json'), 'utf8'));
    expect(schema).toEqual({
      tool: 'tasker', mode: 'opt-out', options: { verbose: {} },
      commands: { '': {}, add: { options: { priority: {}, status: { values: ['todo', 'doing', 'done'] } } }, fail: {}, list: { options: { all: {} } }, remote: {}, 'remote add': { options: { url: {} } } },
    });
    const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
    expect(pkg.dependencies['@clitel/commander']).toMatch(/^\^\d/);
    expect(pkg.files).toContain('telemetry.schema.json');
    expect(readFileSync(join(project, 'README.md'), 'utf8')).toContain('## Telemetry');
    expect(rows.map((r) => r.spanName)).toEqual(['tasker list', 'tasker add', 'tasker remote add', 'tasker fail', 'tasker list']);
    expect(rows[1]?.spanAttributes).toMatchObject({ 'clitel.command': 'add', 'clitel.option.status': 'doing' });
    expect(JSON.parse(rows[1]?.spanAttributes['clitel.options'] ?? '[]').sort()).toEqual(['priority', 'status']);
    expect(rows[2]?.spanAttributes['clitel.options']).toBe('["url"]');
    expect(rows[3]?.statusCode).toBe('Error');
    expect(rows.every((r) => r.resourceAttributes['service.version'] === '2.1.0')).toBe(true);
    expect(JSON.stringify(rows, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toContain('milk');
  });

  it('instruments a yargs CLI built and parsed in one chain', async () => {
    const project = join(dir, 'notes');
    writeYargsProject(project);
    await instrumentAndCompare(project, 'cli.js', [['sync'], ['new', 'groceries', '--format', 'txt', '--tag', 'home'], ['--verbose', 'sync']]);
    const schema = JSON.parse(readFileSync(join(project, 'telemetry.schema.json'), 'utf8'));
    expect(schema.commands).toEqual({ '': {}, new: { options: { format: { values: ['md', 'txt'] }, tag: {} } }, sync: {} });
    expect(schema.options).toEqual({ verbose: {} });
    expect(readFileSync(join(project, 'cli.js'), 'utf8')).toContain('clitelInstrument(clitelProgram,');
    expect(rows.map((r) => r.spanName)).toEqual(['notes sync', 'notes new', 'notes sync']);
    expect(rows[1]?.spanAttributes).toMatchObject({ 'clitel.command': 'new', 'clitel.option.format': 'txt' });
    expect(rows.every((r) => r.resourceAttributes['service.version'] === '0.3.0')).toBe(true);
    expect(JSON.stringify(rows, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toContain('groceries');
  });

  it('stops on a source file that does not parse: one line, nothing written', async () => {
    const project = join(dir, 'broken');
    writeCommanderProject(project);
    appendFileSync(join(project, 'lib/remote.js'), 'export function (\n');
    const before = snapshot(project);
    const run = await runClitel(['init', '--write'], { cwd: project });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^clitel: cannot read lib\/remote\.js:4:17: .+; nothing was written\n$/);
    expect(snapshot(project)).toEqual(before);
    const json = await runClitel(['init', '--write', '--json'], { cwd: project });
    expect(JSON.parse(json.stdout).error.code).toBe('clitel.init.parse');
    expect(snapshot(project)).toEqual(before);
  });

  it('explains what it cannot do', async () => {
    const none = await runClitel(['init', '--json'], { cwd: dir });
    expect(JSON.parse(none.stdout).error.code).toBe('clitel.init.no-package');
    const project = join(dir, 'plain');
    writeCommanderProject(project);
    const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
    delete pkg.dependencies.commander;
    await import('node:fs').then((fs) => fs.writeFileSync(join(project, 'package.json'), JSON.stringify(pkg)));
    const noFramework = await runClitel(['init', '--json'], { cwd: project });
    expect(JSON.parse(noFramework.stdout).error.code).toBe('clitel.init.no-framework');
  });
});
