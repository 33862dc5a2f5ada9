// SPDX-License-Identifier: Apache-2.0
import type { AdapterOptions } from '@clitel/core';

/**
 * Options of `instrument()`: every option of `@clitel/core`'s `AdapterOptions`. The tool's name
 * defaults to the main command's `meta.name`, then `schema.tool`, then the bin of the package
 * that owns the entry script; its version to `meta.version`, then that package's version.
 */
export interface InstrumentOptions extends AdapterOptions {
  /** The arguments `runMain` will parse. Default: `process.argv.slice(2)`, as `runMain`. */
  rawArgs?: readonly string[];
}
