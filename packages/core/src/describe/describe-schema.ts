// SPDX-License-Identifier: Apache-2.0
// What a schema can make leave a machine, for the generators (collector config, data dictionary):
// the rows of the attribute table (shared/attribute-table.ts) with their descriptions
// (attribute-docs.ts), and the schema's own names and closed value sets filled in.
import type { Schema } from '../shared/types.js';
import * as A from '../shared/attributes.js';
import * as S from '../shared/semconv.js';
import { keysAt, type AttributeKey, type AttributePlace, type AttributeType, type RunEventName } from '../shared/attribute-table.js';
import { ATTRIBUTE_DOCS } from './attribute-docs.js';
import { possibleValues } from '../shared/schema.js';

/** One attribute that can be sent. */
export interface AttributeInfo {
  /** The attribute key. */
  key: string;
  /** `string`, `int`, `double`, `boolean` or `string[]`. */
  type: AttributeType;
  /** What it holds. */
  description: string;
  /** Why it is collected. */
  why: string;
  /** Example values. */
  examples: string[];
  /** The closed set of values it can take, when there is one. */
  values?: string[];
  /** Whether it is sent when `CLITEL_LEVEL=minimal`. */
  minimal: boolean;
  /** When it is set, if not on every record of its kind. */
  when?: string;
}

/** Everything a schema can produce. */
export interface SchemaDescription {
  /** Span names, e.g. `acme deploy`. */
  spanNames: string[];
  /** Span attributes. */
  span: AttributeInfo[];
  /** Resource attributes. */
  resource: AttributeInfo[];
  /** Span event names and their attributes. */
  events: { name: string; attributes: AttributeInfo[] }[];
}

/** The schema's own examples and closed value set of a key, where it has them. */
type SchemaValues = (schema: Schema) => { examples: string[]; values: string[] };
const listed = (values: readonly string[], fallback?: string): { examples: string[]; values: string[] } =>
  ({ examples: values.slice(0, 3), values: [...values, ...(fallback != null ? [fallback] : [])] });
const SCHEMA_VALUES: Readonly<Record<string, SchemaValues>> = {
  [S.ATTR_PROCESS_EXECUTABLE_NAME]: (schema) => listed([schema.tool]),
  [A.ATTR_CLITEL_COMMAND]: (schema) => listed(Object.keys(schema.commands), A.UNKNOWN_COMMAND),
  [S.ATTR_SERVICE_NAME]: (schema) => ({ examples: [schema.tool], values: [] }),
  [A.ATTR_CLITEL_STAGE]: (schema) => listed(schema.stages ?? []),
  [A.ATTR_CLITEL_MODULE_NAME]: (schema) => listed(schema.modules ?? []),
};

function infoOf(row: AttributeKey, schema: Schema): AttributeInfo {
  const doc = ATTRIBUTE_DOCS[row.key];
  const own = SCHEMA_VALUES[row.key]?.(schema);
  return {
    key: row.key,
    type: row.type,
    description: doc.description,
    why: doc.why,
    examples: own?.examples ?? [...doc.examples],
    ...(own != null && own.values.length > 0 ? { values: own.values } : {}),
    minimal: row.minimal,
    ...(doc.when != null ? { when: doc.when } : {}),
  };
}

/** `clitel.option.<name>` rows, one per option whose values the schema lists. */
function optionInfos(row: AttributeKey, schema: Schema): AttributeInfo[] {
  const optionSpecs = new Map<string, string[]>();
  for (const spec of [schema.options ?? {}, ...Object.values(schema.commands).map((c) => c.options ?? {})]) {
    for (const [name, option] of Object.entries(spec)) {
      const values = possibleValues(option);
      if (values.length > 0) optionSpecs.set(name, [...new Set([...(optionSpecs.get(name) ?? []), ...values])]);
    }
  }
  const base = infoOf(row, schema);
  return [...optionSpecs].sort().map(([name, values]) =>
    ({ ...base, key: `${row.key}${name}`, description: base.description.replace('<name>', name), examples: values.slice(0, 3), values }));
}

function infosAt(place: AttributePlace, schema: Schema): AttributeInfo[] {
  return keysAt(place).flatMap((row) => (row.prefix === true ? optionInfos(row, schema) : [infoOf(row, schema)]));
}

/** Lists every attribute, span name and event the schema can produce. */
export function describeSchema(schema: Schema): SchemaDescription {
  const has = (list: readonly string[] | undefined): boolean => list != null && list.length > 0;
  const all: readonly RunEventName[] = [A.EVENT_START, A.EVENT_PROGRESS, A.EVENT_MODULE_LOAD, S.EVENT_EXCEPTION, A.EVENT_END];
  const events = all.filter((name) => (name === A.EVENT_PROGRESS ? has(schema.stages) : name === A.EVENT_MODULE_LOAD ? has(schema.modules) : true));
  return {
    spanNames: [...Object.keys(schema.commands), A.UNKNOWN_COMMAND].map((c) => (c === '' ? schema.tool : `${schema.tool} ${c}`)),
    span: infosAt('span', schema),
    resource: infosAt('resource', schema),
    events: events.map((name) => ({ name, attributes: infosAt(`event:${name}`, schema) })),
  };
}
