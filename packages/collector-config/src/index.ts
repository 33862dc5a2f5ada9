// SPDX-License-Identifier: Apache-2.0
export { generateCollectorConfig } from './generate.js';
export { writeCollectorConfig } from './write.js';
export type { CollectorConfigOptions } from './types.js';
