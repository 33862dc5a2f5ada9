// SPDX-License-Identifier: Apache-2.0
// Builds otelcol-clitel, the minimal collector distribution of collector-config/distribution/,
// with the OpenTelemetry Collector Builder from the Go module proxy. The binary is cached outside
// the tracked tree by the manifest's hash, so a rebuild happens only when the manifest changes.
//
//   node scripts/collector-build.mjs               build when missing, print the binary's path
//   node scripts/collector-build.mjs --print-path  print where the binary is (or would be), build nothing
//
// Cache: $CLITEL_CACHE_DIR, else $XDG_CACHE_HOME/clitel, else ~/.cache/clitel; the binary is
// <cache>/otelcol-<hash>/otelcol-clitel. Needs Go (1.25 or newer) and the module proxy.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifestPath = join(root, 'collector-config/distribution/manifest.yaml');
const BINARY = 'otelcol-clitel';
const CORE_MODULE = 'go.opentelemetry.io/collector/receiver/otlpreceiver';

const manifest = readFileSync(manifestPath, 'utf8');
const hash = createHash('sha256').update(manifest).digest('hex').slice(0, 16);
const cacheRoot = process.env.CLITEL_CACHE_DIR || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'clitel');
const dir = join(cacheRoot, `otelcol-${hash}`);
const binary = join(dir, BINARY);

if (process.argv.includes('--print-path')) {
  process.stdout.write(`${binary}\n`);
  process.exit(0);
}

if (existsSync(binary)) {
  process.stderr.write(`collector:build: cached ${binary} (manifest ${hash})\n`);
  process.stdout.write(`${binary}\n`);
  process.exit(0);
}

// The builder of the same core release as the components (the version on the OTLP receiver line).
const coreVersion = manifest.match(new RegExp(`${CORE_MODULE.replace(/[./]/g, '\\$&')} (v[0-9.]+)`))?.[1];
if (coreVersion == null) {
  process.stderr.write(`collector:build: no ${CORE_MODULE} line in ${manifestPath}\n`);
  process.exit(1);
}

const started = Date.now();
const work = join(cacheRoot, `build-${hash}-${process.pid}`);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const env = { ...process.env, GOBIN: join(cacheRoot, `builder-${coreVersion}`), GOFLAGS: [process.env.GOFLAGS, '-buildvcs=false'].filter(Boolean).join(' ') };
const builder = join(env.GOBIN, 'builder');
try {
  if (!existsSync(builder)) run('go', ['install', `go.opentelemetry.io/collector/cmd/builder@${coreVersion}`]);
  // The committed manifest, with the output folder set to this build's work folder.
  const buildManifest = join(work, 'manifest.yaml');
  writeFileSync(buildManifest, manifest.replace(/^(\s*output_path:).*$/m, `$1 ${JSON.stringify(join(work, 'src'))}`));
  run(builder, ['--config', buildManifest]);
  mkdirSync(dir, { recursive: true });
  renameSync(join(work, 'src', BINARY), binary);
} catch (error) {
  process.stderr.write(`collector:build: ${error.message}\n`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (process.exitCode === 1) process.exit();
const mib = (statSync(binary).size / 1024 / 1024).toFixed(1);
process.stderr.write(`collector:build: built ${binary} (${mib} MiB) in ${Math.round((Date.now() - started) / 1000)} s\n`);
process.stdout.write(`${binary}\n`);

function run(cmd, args) {
  process.stderr.write(`collector:build: ${cmd} ${args.join(' ')}\n`);
  const result = spawnSync(cmd, args, { cwd: work, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error != null) throw new Error(`${cmd}: ${result.error.message}${result.error.code === 'ENOENT' ? ' (install Go 1.25 or newer)' : ''}`);
  if (result.status !== 0) throw new Error(`${cmd} exited with ${result.status}`);
}
