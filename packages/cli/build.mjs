// SPDX-License-Identifier: Apache-2.0
// Builds @clitel/cli: tsc into dist/, then copies Chart.js (a dev dependency) into dist/assets so
// the dashboard is bundled with the package and never loads a script from a CDN.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], { stdio: 'inherit' });
mkdirSync('dist/assets', { recursive: true });
copyFileSync(join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'), 'dist/assets/chart.umd.min.js');
chmodSync('dist/bin.js', 0o755);
