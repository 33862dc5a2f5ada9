// SPDX-License-Identifier: Apache-2.0
import type { AdapterOptions } from '@clitel/core';

/**
 * A yargs instance, seen from outside: `yargs(hideBin(process.argv))` with its commands defined.
 * Structural, so the adapter never imports yargs and works with or without `@types/yargs`.
 */
export interface YargsProgram {
  middleware(...args: never[]): unknown;
  command(...args: never[]): unknown;
}

/**
 * Options of `instrument()`: every option of `@clitel/core`'s `AdapterOptions`. The tool's name
 * defaults to the name given to `.scriptName()`, then `schema.tool`, then the bin of the package
 * that owns the entry script; its version to that package's version.
 */
export type InstrumentOptions = AdapterOptions;
