// SPDX-License-Identifier: Apache-2.0
export { instrument } from './instrument.js';
export type { InstrumentOptions, YargsProgram } from './types.js';
