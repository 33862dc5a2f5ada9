// SPDX-License-Identifier: Apache-2.0
// Settles the generator's options: given value, else the documented default.
import type { CollectorConfigOptions, ResolvedCollectorConfigOptions } from './types.js';

/** The defaults of every option. */
const DEFAULTS: Readonly<ResolvedCollectorConfigOptions> = Object.freeze({
  schemaFileName: 'telemetry.schema.json',
  retentionDays: 30,
  maxRequestMib: 4,
  memoryLimitMib: 400,
  maxValueBytes: 256,
  maxEventValueBytes: 4096,
});

const LIMITS: Record<Exclude<keyof ResolvedCollectorConfigOptions, 'schemaFileName'>, [number, number]> = {
  retentionDays: [1, 3650],
  maxRequestMib: [1, 64],
  memoryLimitMib: [32, 65536],
  maxValueBytes: [16, 65536],
  maxEventValueBytes: [64, 1048576],
};

/** Applies the defaults; throws (code `clitel.collector.invalid-option`) on a value out of range. */
export function resolveCollectorOptions(options: CollectorConfigOptions = {}): ResolvedCollectorConfigOptions {
  const resolved: ResolvedCollectorConfigOptions = { ...DEFAULTS };
  for (const [key, [min, max]] of Object.entries(LIMITS) as [keyof typeof LIMITS, [number, number]][]) {
    const value = options[key];
    if (value == null) continue;
    if (!Number.isInteger(value) || value < min || value > max) {
      throw invalidOption(`${key} is invalid, expected an integer from ${min} to ${max}, actual ${String(value)}`);
    }
    resolved[key] = value;
  }
  if (options.schemaFileName != null) {
    const name = options.schemaFileName.split(/[\\/]/).pop() ?? '';
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(name)) throw invalidOption(`schemaFileName is invalid, expected a file name, actual ${JSON.stringify(name)}`);
    resolved.schemaFileName = name;
  }
  return resolved;
}

function invalidOption(message: string): Error {
  return Object.assign(new Error(`clitel: ${message}`), { code: 'clitel.collector.invalid-option' });
}
