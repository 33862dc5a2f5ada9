// SPDX-License-Identifier: Apache-2.0
// The source parser (@babel/parser, with magic-string) is loaded by `init` only: importing
// @clitel/cli and running another command leaves it unloaded; `init` (a dry run) loads it.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { writeCommanderProject } from './helpers/fixture-projects.js';

const INDEX = pathToFileURL(new URL('../dist/index.js', import.meta.url).pathname).href;

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'clitel-init-lazy-')); });
afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

it('loads the parser only when init runs', async () => {
  const project = join(dir, 'tasker');
  writeCommanderProject(project);
  // @babel/parser is CommonJS, so once imported it sits in require.cache.
  const script = `
    import { createRequire } from 'node:module';
    const cache = createRequire(${JSON.stringify(join(dir, 'x.js'))}).cache;
    const loaded = () => Object.keys(cache).some((k) => k.includes('@babel/parser'));
    const seen = [loaded()];
    const cli = await import(${JSON.stringify(INDEX)});
    const sink = { write() {}, isTTY: false };
    await cli.main({ argv: ['--help'], env: {}, cwd: ${JSON.stringify(dir)}, stdout: sink, stderr: sink, signal: new AbortController().signal });
    seen.push(loaded());
    await cli.main({ argv: ['init', ${JSON.stringify(project)}], env: {}, cwd: ${JSON.stringify(dir)}, stdout: sink, stderr: sink, signal: new AbortController().signal });
    seen.push(loaded());
    process.stdout.write(JSON.stringify(seen));
  `;
  const out = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, timeout: 60_000 }, (error, stdout, stderr) => (error != null ? reject(new Error(stderr)) : resolve(stdout)));
  });
  expect(JSON.parse(out)).toEqual([false, false, true]);
});
