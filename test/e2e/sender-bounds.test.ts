// SPDX-License-Identifier: Apache-2.0
// The sender never lingers, and the start-up path stays small.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../helpers/receiver.js';
import { noticedHome } from '../helpers/acme.js';
import { REPO, runCli } from '../helpers/run-cli.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Pids of sender processes whose environment names this HOME (Linux /proc). */
function sendersOf(home: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'latin1');
      if (environ.includes('CLITEL_SENDER_CONFIG=') && environ.includes(home)) pids.push(Number(entry));
    } catch {
      // gone or not ours
    }
  }
  return pids;
}

let blackhole: Receiver;
beforeAll(async () => { blackhole = await startReceiver({ blackhole: true }); });
afterAll(async () => { await blackhole.close(); });

describe('sender bounds', () => {
  it.skipIf(process.platform !== 'linux')('ends the sender by its 30 s deadline when the collector never answers', async () => {
    const home = noticedHome();
    const started = Date.now();
    const run = await runCli(['greet', '--name', 'x'], { home, env: { OTEL_EXPORTER_OTLP_ENDPOINT: blackhole.url, OTEL_EXPORTER_OTLP_TIMEOUT: '120000' } });
    expect(run.code).toBe(0);
    let seen = false;
    while (Date.now() - started < 40_000) {
      const alive = sendersOf(home).length > 0;
      seen ||= alive;
      if (seen && !alive) break;
      await sleep(250);
    }
    expect(seen).toBe(true);
    expect(sendersOf(home)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(35_000);
  }, 60_000);

  it('adds at most 2 MB to node_modules for core plus one adapter, with no runtime dependencies', () => {
    const sizeOf = (dir: string): number => readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
    let total = 0;
    for (const pkg of ['core', 'commander']) {
      const root = join(REPO, 'packages', pkg);
      const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { files: string[]; dependencies?: Record<string, string> };
      expect(Object.keys(manifest.dependencies ?? {}).filter((d) => d !== '@clitel/core')).toEqual([]);
      for (const entry of manifest.files) total += statSync(join(root, entry)).isDirectory() ? sizeOf(join(root, entry)) : statSync(join(root, entry)).size;
    }
    process.stdout.write(`core + commander installed: ${total} bytes\n`);
    expect(total).toBeLessThanOrEqual(2 * 1024 * 1024);
  });

  it('keeps the start-up bundles free of the OTel SDK and exporters', () => {
    // core's own entry, and an adapter's single file with core's gate inlined (what a CLI loads).
    // Their byte budgets are checked by the build (packages/core/build.mjs, scripts/build-package.mjs).
    for (const path of ['packages/core/dist/index.js', 'packages/commander/dist/index.js']) {
      const file = join(REPO, path);
      const code = readFileSync(file, 'utf8');
      process.stdout.write(`start-up bundle ${path}: ${statSync(file).size} bytes\n`);
      for (const marker of ['OTLPTraceExporter', 'OTLPMetricExporter', 'sdk-node', 'ProtobufTraceSerializer', 'JsonTraceSerializer', '@opentelemetry/resources', 'signal-exit', 'child_process']) {
        expect({ path, marker, found: code.includes(marker) }).toEqual({ path, marker, found: false });
      }
    }
  });

  it('loads built-ins in the ESM start-up bundles through getBuiltinModule, never a static import', () => {
    // A static `import … from 'node:fs'` makes Node build the whole fs namespace (~7 M instructions);
    // scripts/esbuild-builtins.mjs rewrites them after each build. A Node without getBuiltinModule
    // is a world of host-unchanged.test.ts.
    const bundles = ['packages/core/dist/index.js', 'packages/register/dist/register.js',
      ...['commander', 'yargs', 'oclif', 'cac', 'citty', 'parseargs', 'library'].map((p) => `packages/${p}/dist/index.js`)];
    for (const path of bundles) {
      const code = readFileSync(join(REPO, path), 'utf8');
      // node:module stays static: the fallback for a Node without getBuiltinModule needs createRequire.
      expect({ path, staticImports: code.match(/^import .* from "node:(?!module")[^"]+";$/gm) ?? [] }).toEqual({ path, staticImports: [] });
      expect(code).toContain('__clitelBuiltin("node:fs")');
      expect(code).toContain('function __clitelBuiltin(');
    }
  });
});
