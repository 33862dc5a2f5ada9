// SPDX-License-Identifier: Apache-2.0
// `clitel init` on TypeScript CLIs: it edits the .ts/.cts source (not the build), the edited source
// compiles with the real tsc, and the built CLI sends spans with the discovered commands.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../src/receiver/otlp-receiver.js';
import type { SpanRow } from '../src/otlp/span-row.js';
import { runClitel } from './helpers/clitel-process.js';
import { writeCommanderTsProject, writeYargsCtsProject } from './helpers/fixture-projects.js';

const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

interface Run { code: number; stdout: string; stderr: string }

function runNode(cwd: string, args: readonly string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error == null ? 0 : Number((error as { code?: number }).code ?? 1), stdout, stderr });
    });
  });
}

describe('clitel init on TypeScript', () => {
  let dir: string;
  let receiver: Receiver;
  let rows: SpanRow[];
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clitel-init-ts-'));
    rows = [];
    receiver = await startReceiver({ port: 0, onSpans: async (r) => { rows.push(...r); } });
  });
  afterEach(async () => {
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const env = (): Record<string, string> => ({ PATH: process.env.PATH ?? '', HOME: join(dir, 'home'), CI: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url });

  async function initCompileRun(project: string, entry: string, bin: string, runs: string[][]): Promise<Run[]> {
    const write = await runClitel(['init', '--write'], { cwd: project });
    expect(write.code, write.stderr).toBe(0);
    expect(readFileSync(join(project, entry), 'utf8')).toContain('clitelInstrument(');
    const tsc = await runNode(project, [TSC, '-p', 'tsconfig.json'], env());
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.code).toBe(0);
    await runNode(project, [bin, ...(runs[0] as string[])], env()); // the first run shows the notice
    rows.length = 0;
    const results: Run[] = [];
    for (const args of runs) results.push(await runNode(project, [bin, ...args], env()));
    return results;
  }

  it('instruments a commander CLI written in TypeScript (ESM)', async () => {
    const project = join(dir, 'tasker-ts');
    writeCommanderTsProject(project);
    const runs = await initCompileRun(project, 'src/cli.ts', 'dist/cli.js', [['build', 'site', '--mode', 'safe'], ['clean']]);
    expect(runs.map((r) => r.stdout)).toEqual(['built site (safe)\n', 'cleaned\n']);
    const schema = JSON.parse(readFileSync(join(project, 'telemetry.schema.json'), 'utf8'));
    expect(schema.commands).toEqual({ '': {}, build: { options: { mode: { values: ['fast', 'safe'] }, watch: {} } }, clean: {} });
    expect(readFileSync(join(project, 'src/cli.ts'), 'utf8')).toContain("import { instrument as clitelInstrument } from '@clitel/commander';");
    expect(rows.map((r) => r.spanName)).toEqual(['tasker-ts build', 'tasker-ts clean']);
    expect(rows[0]?.spanAttributes).toMatchObject({ 'clitel.command': 'build', 'clitel.option.mode': 'safe' });
    expect(rows.every((r) => r.resourceAttributes['service.version'] === '1.4.0')).toBe(true);
    expect(JSON.stringify(rows, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toContain('site');
  });

  it('instruments a yargs CLI in a CommonJS TypeScript entry (.cts)', async () => {
    const project = join(dir, 'notes-cts');
    writeYargsCtsProject(project);
    const runs = await initCompileRun(project, 'src/cli.cts', 'dist/cli.cjs', [['new', 'groceries', '--format', 'txt'], ['sync']]);
    expect(runs.map((r) => r.stdout)).toEqual(['created groceries.txt of 2\n', 'synced\n']);
    const schema = JSON.parse(readFileSync(join(project, 'telemetry.schema.json'), 'utf8'));
    expect(schema.commands).toEqual({ '': {}, new: { options: { format: { values: ['md', 'txt'] } } }, sync: {} });
    expect(readFileSync(join(project, 'src/cli.cts'), 'utf8')).toContain("const { instrument: clitelInstrument } = require('@clitel/yargs');");
    expect(rows.map((r) => r.spanName)).toEqual(['notes-cts new', 'notes-cts sync']);
    expect(rows[0]?.spanAttributes).toMatchObject({ 'clitel.command': 'new', 'clitel.option.format': 'txt' });
    expect(JSON.stringify(rows, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toContain('groceries');
  });
});
