// SPDX-License-Identifier: Apache-2.0
// yargs support goes through @clitel/yargs's public instrument() once that package provides it.
import type { TelemetryOptions } from '@clitel/core';

/** Watches the yargs the tool at `root` resolves. Returns undefined when done, else why not. */
export async function watchYargs(_root: string, _adopt: (framework: string) => boolean, _telemetry: TelemetryOptions): Promise<string | undefined> {
  return 'yargs programs are recorded as runs only for now';
}
