// SPDX-License-Identifier: Apache-2.0
// Builds every workspace package: @clitel/core first (the others compile against its types),
// @clitel/collector-config next (@clitel/cli compiles against it),
// then the adapters, then the packages that depend on adapters.
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ORDER = ['core', 'collector-config', 'commander', 'yargs', 'oclif', 'cac', 'citty', 'parseargs'];
const all = readdirSync('packages').filter((d) => existsSync(join('packages', d, 'package.json')));
const rest = all.filter((d) => !ORDER.includes(d)).sort();
for (const dir of [...ORDER.filter((d) => all.includes(d)), ...rest]) {
  const pkg = JSON.parse(readFileSync(join('packages', dir, 'package.json'), 'utf8'));
  if (pkg.scripts?.build == null) continue;
  const started = Date.now();
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: join('packages', dir), stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`build failed in packages/${dir}\n`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`built packages/${dir} in ${Date.now() - started} ms\n`);
}
