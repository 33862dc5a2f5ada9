// SPDX-License-Identifier: Apache-2.0
// The one table of attribute keys clitel can send: each key, where it is set, its OTLP type and
// whether CLITEL_LEVEL=minimal keeps it. The span and resource builders keep only what this table
// allows at the run's level; describeSchema, the data dictionary and the collector allowlist are
// read from it. What each key means and why it is collected is in describe/attribute-docs.ts, which
// only @clitel/core/describe loads, so none of that text is in the bundles a run loads.
import * as A from './attributes.js';
import * as S from './semconv.js';
import type { TelemetryLevel } from './types.js';

/** The OTLP type of an attribute value. */
export type AttributeType = 'string' | 'int' | 'double' | 'boolean' | 'string[]';

/** A span event of a run. */
export type RunEventName = typeof A.EVENT_START | typeof A.EVENT_PROGRESS | typeof A.EVENT_MODULE_LOAD | typeof S.EVENT_EXCEPTION | typeof A.EVENT_END;

/**
 * Where a key is set: `resource`, the resource of runs and usage counters (runtime/resource.ts);
 * `service-resource`, the resource of @clitel/service heartbeats; `span`, the span of a run;
 * `event:<name>`, a span event of a run; `point`, a data point of a client metric (usage
 * counters, service heartbeats).
 */
export type AttributePlace = 'resource' | 'service-resource' | 'span' | `event:${RunEventName}` | 'point';

/** One row of the table. */
export interface AttributeKey {
  /** The key; for a `prefix` row, what every key of the row starts with. */
  readonly key: string;
  /** The OTLP type of its value. */
  readonly type: AttributeType;
  /** Every place it is set. */
  readonly places: readonly AttributePlace[];
  /** Whether it is sent at `CLITEL_LEVEL=minimal`. */
  readonly minimal: boolean;
  /** The key is `key` followed by a name from the schema (`clitel.option.<name>`). */
  readonly prefix?: boolean;
}

const EVERY_EVENT: readonly AttributePlace[] = ['event:start', 'event:progress', 'event:module-load', 'event:exception', 'event:end'];
const RESOURCES: readonly AttributePlace[] = ['resource', 'service-resource'];

const row = (key: string, type: AttributeType, places: readonly AttributePlace[], minimal = false, prefix = false): AttributeKey =>
  (prefix ? { key, type, places, minimal, prefix } : { key, type, places, minimal });

/** Every attribute key clitel can send, in the order the generated docs and configs list them. */
export const ATTRIBUTE_KEYS: readonly AttributeKey[] = [
  row(S.ATTR_PROCESS_EXECUTABLE_NAME, 'string', ['span'], true),
  row(S.ATTR_PROCESS_EXIT_CODE, 'int', ['span'], true),
  row(S.ATTR_ERROR_TYPE, 'string', ['span', 'point'], true),
  row(A.ATTR_CLITEL_COMMAND, 'string', ['span'], true),
  row(A.ATTR_CLITEL_OPTIONS, 'string[]', ['span']),
  row(A.ATTR_CLITEL_OPTION_PREFIX, 'string', ['span'], false, true),
  row(A.ATTR_CLITEL_RUN_ID, 'string', ['span', ...EVERY_EVENT]),
  row(A.ATTR_CLITEL_SAMPLE_RATE, 'double', ['span'], true),
  row(A.ATTR_CLITEL_STAGE, 'string', ['event:progress']),
  row(A.ATTR_CLITEL_MODULE_NAME, 'string', ['event:module-load']),
  row(A.ATTR_CLITEL_MODULE_VERSION, 'string', ['event:module-load']),
  row(S.ATTR_EXCEPTION_TYPE, 'string', ['event:exception']),
  row(S.ATTR_EXCEPTION_STACKTRACE, 'string', ['event:exception']),
  row(S.ATTR_SERVICE_NAME, 'string', RESOURCES, true),
  row(S.ATTR_SERVICE_VERSION, 'string', RESOURCES, true),
  row(S.ATTR_TELEMETRY_SDK_NAME, 'string', RESOURCES),
  row(S.ATTR_TELEMETRY_SDK_LANGUAGE, 'string', RESOURCES),
  row(S.ATTR_TELEMETRY_SDK_VERSION, 'string', RESOURCES),
  row(S.ATTR_TELEMETRY_DISTRO_NAME, 'string', RESOURCES),
  row(S.ATTR_TELEMETRY_DISTRO_VERSION, 'string', RESOURCES),
  row(S.ATTR_OS_TYPE, 'string', RESOURCES),
  row(S.ATTR_OS_VERSION, 'string', RESOURCES),
  row(S.ATTR_HOST_ARCH, 'string', RESOURCES),
  row(S.ATTR_PROCESS_RUNTIME_NAME, 'string', RESOURCES),
  row(S.ATTR_PROCESS_RUNTIME_VERSION, 'string', RESOURCES),
  row(A.ATTR_CLITEL_INSTALLATION_ID, 'string', ['resource']),
  row(A.ATTR_CLITEL_SESSION_ID, 'string', RESOURCES),
  row(A.ATTR_CLITEL_CI, 'boolean', ['resource']),
  row(A.ATTR_CLITEL_CI_PROVIDER, 'string', ['resource']),
  row(A.ATTR_CLITEL_SOURCE, 'string', ['resource']),
  row(A.ATTR_CLITEL_CHANNEL, 'string', ['resource']),
  row(A.ATTR_CLITEL_EDITION, 'string', ['service-resource']),
  row(A.ATTR_CLITEL_FUNCTION, 'string', ['point'], true),
  row(A.ATTR_CLITEL_COUNT_NAME, 'string', ['point']),
  row(A.ATTR_CLITEL_COUNT_BUCKET, 'string', ['point']),
];

/** The rows set at `place` (and kept at `level`, when given), in table order. */
export function keysAt(place: AttributePlace, level?: TelemetryLevel): AttributeKey[] {
  return ATTRIBUTE_KEYS.filter((k) => k.places.includes(place) && (level !== 'minimal' || k.minimal));
}

/** The row a key belongs to at `place`, if any. */
export function rowOf(key: string, place: AttributePlace): AttributeKey | undefined {
  return ATTRIBUTE_KEYS.find((k) => k.places.includes(place) && (k.prefix === true ? key.startsWith(k.key) && key.length > k.key.length : key === k.key));
}

/** `attributes` with only the keys the table sets at `place` and keeps at `level`. */
export function keepAllowed<V>(place: AttributePlace, level: TelemetryLevel, attributes: Record<string, V>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [key, value] of Object.entries(attributes)) {
    const k = rowOf(key, place);
    if (k != null && (level !== 'minimal' || k.minimal)) out[key] = value;
  }
  return out;
}
