// SPDX-License-Identifier: Apache-2.0
export { instrument } from './instrument.js';
export type { InstrumentOptions } from './types.js';
