// SPDX-License-Identifier: Apache-2.0
// Shortcuts for running the example CLI against a receiver.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshHome, runCli, type CliResult, type CliRunOptions } from './run-cli.js';

/** A HOME whose first-run notice for `tool` was already shown, so the next run sends. */
export function noticedHome(tool = 'acme'): string {
  const home = freshHome();
  const state = join(home, '.local/state/clitel', tool);
  mkdirSync(state, { recursive: true });
  writeFileSync(join(state, 'notice'), '1\n');
  return home;
}

/** Runs acme with sync delivery (CI=true) to `endpoint`. */
export function runAcme(args: string[], endpoint: string | undefined, options: CliRunOptions = {}): Promise<CliResult> {
  return runCli(args, {
    ...options,
    home: options.home ?? noticedHome(),
    env: { CI: 'true', ...(endpoint != null ? { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint } : {}), ...options.env },
  });
}
