// SPDX-License-Identifier: Apache-2.0
// What the schema lets a run send, read from describeSchema(): the single list of keys, names and
// closed value sets the collector config allows. No key is written here by hand.
import { UNKNOWN_COMMAND } from '@clitel/core';
import { ATTR_CLITEL_COMMAND, ATTR_OS_TYPE, ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION, ATTR_TELEMETRY_DISTRO_NAME, OTHER_VALUE } from '@clitel/core/internal';
import { describeSchema } from '@clitel/core/describe';
import type { TypedKey } from './levels.js';
import type { Schema } from '@clitel/core';
import { ID_SHAPES } from './patterns.js';
import { deriveClientAllowlist, type ClientAllowlist } from './client-metrics.js';

/** A key whose values come from a closed list, and what replaces anything else. */
export interface ClosedSet {
  level: 'resource' | 'span';
  key: string;
  values: string[];
  fallback: string;
}

/** A generated id key and the exact shape its value must have. */
export interface IdShape {
  level: 'resource' | 'span' | 'spanevent';
  key: string;
  pattern: string;
}

/** Everything the generated config allows, for one schema. */
export interface Allowlist {
  tool: string;
  /** Span names the schema can produce, including `<tool> _unknown`. */
  spanNames: string[];
  /** The name every other span name is replaced by. */
  unknownSpanName: string;
  resourceKeys: string[];
  spanKeys: string[];
  /** Keys with their OTLP type, per level: what keep_keys and the type checks keep. */
  resourceTypes: TypedKey[];
  spanTypes: TypedKey[];
  eventTypes: TypedKey[];
  /** Every option name of the schema (command and global): the elements `clitel.options` may hold. */
  optionNames: string[];
  eventNames: string[];
  eventKeys: string[];
  /** Most attributes one span event can carry. */
  maxEventAttributes: number;
  /** Every key, sorted: the redaction processor's `allowed_keys`. */
  allowedKeys: string[];
  closedSets: ClosedSet[];
  idShapes: IdShape[];
  /** Every value the schema documents (examples and closed sets), by key, for checks. */
  knownValues: Map<string, string[]>;
  /** What the client metrics pipeline (library usage, service heartbeats) lets through. */
  clients: ClientAllowlist;
}

/** Resource keys the generator needs by name; a rename in core fails generation instead of filtering everything. */
const REQUIRED_RESOURCE_KEYS: readonly string[] = [ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION, ATTR_OS_TYPE, ATTR_TELEMETRY_DISTRO_NAME];

/** Reads the allowlist from the schema's description. */
export function deriveAllowlist(schema: Schema): Allowlist {
  const d = describeSchema(schema);
  const unknownSpanName = `${schema.tool} ${UNKNOWN_COMMAND}`;
  const resourceKeys = d.resource.map((a) => a.key);
  for (const key of REQUIRED_RESOURCE_KEYS) {
    if (!resourceKeys.includes(key)) throw Object.assign(new Error(`clitel: describeSchema() no longer lists ${key}`), { code: 'clitel.collector.missing-key' });
  }
  const spanKeys = d.span.map((a) => a.key);
  const eventKeys = unique(d.events.flatMap((e) => e.attributes.map((a) => a.key)));
  const closedSets: ClosedSet[] = [];
  const idShapes: IdShape[] = [];
  const knownValues = new Map<string, string[]>();
  const levels: ['resource' | 'span', typeof d.span][] = [['resource', d.resource], ['span', d.span]];
  for (const [level, infos] of levels) {
    for (const info of infos) {
      if (info.values != null) {
        closedSets.push({ level, key: info.key, values: unique(info.values), fallback: info.key === ATTR_CLITEL_COMMAND ? UNKNOWN_COMMAND : OTHER_VALUE });
      }
      const shape = ID_SHAPES[info.key];
      if (shape != null) idShapes.push({ level, key: info.key, pattern: shape });
    }
  }
  // An id an event carries is checked there too: ignored_keys skip masking at every level.
  for (const key of unique(d.events.flatMap((e) => e.attributes.map((a) => a.key)))) {
    const shape = ID_SHAPES[key];
    if (shape != null) idShapes.push({ level: 'spanevent', key, pattern: shape });
  }
  for (const info of [...d.resource, ...d.span, ...d.events.flatMap((e) => e.attributes)]) {
    knownValues.set(info.key, unique([...(knownValues.get(info.key) ?? []), ...info.examples, ...(info.values ?? [])]));
  }
  const clients = deriveClientAllowlist(schema);
  const typed = (infos: readonly { key: string; type: TypedKey['type'] }[]): TypedKey[] => [...new Map(infos.map((i) => [i.key, { key: i.key, type: i.type }])).values()];
  const optionNames = unique([...Object.values(schema.commands).flatMap((c) => Object.keys(c.options ?? {})), ...Object.keys(schema.options ?? {})]).sort();
  knownValues.set(ATTR_SERVICE_NAME, unique([...(knownValues.get(ATTR_SERVICE_NAME) ?? []), ...clients.services]));
  return {
    tool: schema.tool,
    spanNames: unique([...d.spanNames, unknownSpanName]),
    unknownSpanName,
    resourceKeys,
    spanKeys,
    resourceTypes: typed(d.resource),
    spanTypes: typed(d.span),
    eventTypes: typed(d.events.flatMap((e) => e.attributes)),
    optionNames,
    eventNames: unique(d.events.map((e) => e.name)),
    eventKeys,
    maxEventAttributes: Math.max(1, ...d.events.map((e) => e.attributes.length)),
    allowedKeys: unique([...resourceKeys, ...spanKeys, ...eventKeys]).sort(),
    closedSets,
    idShapes,
    knownValues,
    clients,
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
