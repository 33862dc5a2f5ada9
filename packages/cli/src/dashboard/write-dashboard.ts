// SPDX-License-Identifier: Apache-2.0
// Writes the dashboard directory: index.html, report.json and the bundled Chart.js file.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '../types.js';
import { CHART_FILE, renderDashboard } from './render-dashboard.js';

/** Where the Chart.js UMD file is: copied into dist/assets at build, or from the dev dependency. */
function chartJsPath(): string {
  const bundled = fileURLToPath(new URL(`../assets/${CHART_FILE}`, import.meta.url));
  if (existsSync(bundled)) return bundled;
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('chart.js')), CHART_FILE);
}

/** Writes the dashboard into `dir`; returns the files written. */
export function writeDashboard(report: Report, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files = [join(dir, 'index.html'), join(dir, 'report.json'), join(dir, CHART_FILE)];
  writeFileSync(files[0] as string, renderDashboard(report));
  writeFileSync(files[1] as string, `${JSON.stringify(report, null, 2)}\n`);
  copyFileSync(chartJsPath(), files[2] as string);
  return files;
}
