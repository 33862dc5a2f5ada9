// SPDX-License-Identifier: Apache-2.0
// Regenerates collector-config/<tool>/ from each example schema with the built
// @clitel/collector-config package. `--check` writes nothing and exits 1 when the committed files differ.
//   node scripts/generate-collector-config.mjs [--check]
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TARGETS = [{ schema: 'examples/acme/telemetry.schema.json', out: 'collector-config/acme' }];
const check = process.argv.includes('--check');

if (!existsSync(join(root, 'packages/core/dist/index.js')) || !existsSync(join(root, 'packages/collector-config/dist/index.js'))) {
  process.stderr.write('generate-collector-config: build @clitel/core and @clitel/collector-config first (npm run build)\n');
  process.exit(1);
}
const { generateCollectorConfig } = await import('@clitel/collector-config');

let stale = 0;
for (const target of TARGETS) {
  const schemaPath = join(root, target.schema);
  const files = generateCollectorConfig(JSON.parse(readFileSync(schemaPath, 'utf8')), { schemaFileName: schemaPath });
  const outDir = join(root, target.out);
  for (const [name, text] of Object.entries(files)) {
    const path = join(outDir, name);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === text) continue;
    if (check) {
      stale++;
      process.stderr.write(`stale: ${relative(root, path)}\n`);
    } else {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(path, text);
      process.stdout.write(`wrote ${relative(root, path)}\n`);
    }
  }
  const extra = existsSync(outDir) ? readdirSync(outDir).filter((name) => !Object.hasOwn(files, name)) : [];
  for (const name of extra) {
    stale++;
    process.stderr.write(`not generated (remove it): ${relative(root, join(outDir, name))}\n`);
  }
}
if (stale > 0) {
  if (check) process.stderr.write('collector-config/ is out of date: run node scripts/generate-collector-config.mjs\n');
  process.exit(1);
}
