// SPDX-License-Identifier: Apache-2.0
// `npx clitel` as maintainers reach it: in this repository after `npm ci` (the committed bin is
// linked even before the build), and in a maintainer's project after `npm i -D @clitel/cli`
// (installed from packed tarballs, as the registry would serve them).
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRuns, toOtlpRequests } from './helpers/dataset.js';
import { writeCommanderProject } from './helpers/fixture-projects.js';

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const REPO = join(PACKAGE, '../..');

/** This process's env without what the running npm script added (npm_config_*, npm_lifecycle_*…). */
function npmEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => !e[0].toLowerCase().startsWith('npm_') && e[1] != null));
}

function run(file: string, args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env: npmEnv(), timeout: 240_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error == null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}

const npm = (args: readonly string[], cwd: string): ReturnType<typeof run> => run('npm', args, cwd);
const version = (JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(join(PACKAGE, 'package.json'), 'utf8'))) as { version: string }).version;

describe('the clitel bin in this repository', () => {
  it('is a committed file that npm links into node_modules/.bin, and npx runs it', async () => {
    expect(realpathSync(join(REPO, 'node_modules/.bin/clitel'))).toBe(realpathSync(join(PACKAGE, 'bin/clitel.js')));
    const result = await npm(['exec', '--offline', '--', 'clitel', '--version'], REPO);
    expect(result).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('says in one line that the build is missing, when it is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clitel-bin-'));
    mkdirSync(join(dir, 'bin'));
    copyFileSync(join(PACKAGE, 'bin/clitel.js'), join(dir, 'bin/clitel.js'));
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    const result = await run(process.execPath, [join(dir, 'bin/clitel.js'), '--version'], dir);
    rmSync(dir, { recursive: true, force: true });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^clitel: the build output is missing .*npm run build/);
  });
});

describe('npm i -D @clitel/cli in a maintainer\'s project (packed tarballs)', () => {
  let work: string;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'clitel-pack-'));
    const packed = await npm(['pack', '--pack-destination', work, '-w', 'packages/core', '-w', 'packages/collector-config', '-w', 'packages/cli'], REPO);
    expect(packed.code, packed.stderr).toBe(0);
    const tarballs = readdirSync(work).filter((f) => f.endsWith('.tgz')).map((f) => join(work, f));
    expect(tarballs).toHaveLength(3);
    mkdirSync(join(work, 'project'));
    writeFileSync(join(work, 'project/package.json'), '{ "name": "maintainer-project", "private": true }\n');
    const installed = await npm(['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', ...tarballs], join(work, 'project'));
    expect(installed.code, installed.stderr).toBe(0);
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('npx clitel runs the installed package: version, ingest and report', async () => {
    const project = join(work, 'project');
    expect(await npm(['exec', '--offline', '--', 'clitel', '--version'], project)).toMatchObject({ code: 0, stdout: `${version}\n` });
    const runs = generateRuns({ lastDay: '2026-04-30', days: 2, installations: 3, seed: 5 });
    writeFileSync(join(project, 'spans.json'), toOtlpRequests(runs).map((r) => JSON.stringify(r)).join('\n'));
    const ingested = await npm(['exec', '--offline', '--', 'clitel', 'ingest', 'spans.json', '--json'], project);
    expect(ingested.code, ingested.stderr).toBe(0);
    expect(JSON.parse(ingested.stdout)).toMatchObject({ spans: runs.length, stored: runs.length });
    const report = await npm(['exec', '--offline', '--', 'clitel', 'report', '--until', '2026-04-30', '--json'], project);
    expect(report.code, report.stderr).toBe(0);
    expect(JSON.parse(report.stdout)).toMatchObject({ service: 'acme', totals: { runs: runs.length } });
  }, 120_000);

  it('npx clitel init reads a project with the parser installed as a dependency', async () => {
    const project = join(work, 'project');
    expect(existsSync(join(project, 'node_modules/@babel/parser/package.json'))).toBe(true);
    writeCommanderProject(join(work, 'tasker'));
    const init = await npm(['exec', '--offline', '--', 'clitel', 'init', join(work, 'tasker'), '--json'], project);
    expect(init.code, init.stderr).toBe(0);
    expect(Object.keys(JSON.parse(init.stdout).schema.commands)).toContain('remote add');
  }, 120_000);
});
