// SPDX-License-Identifier: Apache-2.0
import type { AdapterOptions } from '@clitel/core';

/**
 * Options of `instrument()`: every option of `@clitel/core`'s `AdapterOptions`. The tool's name
 * defaults to the name given to `cac()`, then `schema.tool`, then the bin of the package that
 * owns the entry script; its version to `cli.version()`, then that package's version.
 */
export type InstrumentOptions = AdapterOptions;
