// SPDX-License-Identifier: Apache-2.0
export { trackModule, moduleOptOutVar } from './track-module.js';
export type { ModuleOptions, TrackedModule, TrackOptions, WrapOptions, UsageAttributes, AnyFunction } from './types.js';
