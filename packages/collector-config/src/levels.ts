// SPDX-License-Identifier: Apache-2.0
// OTTL statements that hold each level of a request (resource, scope, span, span event, metric,
// data point) to exactly what clitel can put there, run after the redaction processor. The
// redaction allowlist is one list for every level, it adds its own summary keys
// (redaction.masked.keys, …) to that list, and its ignored_keys skip masking at every level; the
// real collector showed each of these (test/collector/gateway.test.ts). keep_keys per level, the
// type of every kept key, and the scope and schema_url fields no processor touches close them.
import type { AttributeInfo } from '@clitel/core/describe';
import { escapeRegex, exactlyOneOf, ottlString } from './ottl.js';

/** An OTTL context whose attributes a statement cleans. */
export type Level = 'resource' | 'scope' | 'span' | 'spanevent' | 'datapoint';

/** A key and its OTLP type, as describeSchema() states it. */
export type TypedKey = Pick<AttributeInfo, 'key' | 'type'>;

/** A scope version as clitel packages have one (`0.1.0`, `1.2.3-beta.1`), or none. */
const SCOPE_VERSION_SHAPE = '^(?:[0-9]{1,6}\\.[0-9]{1,6}\\.[0-9]{1,6}(?:-[0-9A-Za-z.]{1,32})?)?$';

/** Deletes every attribute of the level except these keys. */
export function keepKeysStatement(level: Level, keys: readonly string[]): string {
  return `keep_keys(${level}.attributes, [${[...keys].sort().map(ottlString).join(', ')}])`;
}

const TYPE_CHECK: Record<AttributeInfo['type'], (path: string) => string> = {
  string: (p) => `not IsString(${p})`,
  int: (p) => `not IsInt(${p})`,
  // An SDK may encode an integral double as an int.
  double: (p) => `not IsDouble(${p}) and not IsInt(${p})`,
  boolean: (p) => `not IsBool(${p})`,
  'string[]': (p) => `not IsList(${p})`,
};

/** Deletes a kept key whose value has another type (a map or list where a string belongs). */
export function typeStatement(level: Level, info: TypedKey): string {
  const path = `${level}.attributes[${ottlString(info.key)}]`;
  return `delete_key(${level}.attributes, ${ottlString(info.key)}) where ${path} != nil and ${TYPE_CHECK[info.type](path)}`;
}

/**
 * Deletes a list of option names unless every element is one of `names` and there are at most
 * as many as the schema has: the list as JSON (`["env","force"]`) must match exactly.
 */
export function nameListStatement(level: Level, key: string, names: readonly string[]): string {
  const path = `${level}.attributes[${ottlString(key)}]`;
  const one = `"(?:${names.map(escapeRegex).join('|')})"`;
  const pattern = names.length === 0 ? '^\\[\\]$' : `^\\[(?:${one}(?:,${one}){0,${names.length - 1}})?\\]$`;
  return `delete_key(${level}.attributes, ${ottlString(key)}) where ${path} != nil and not IsMatch(${path}, ${ottlString(pattern)})`;
}

/** Scope: no attributes, a known name, a version of the usual shape, no schema_url. */
export function scopeStatements(names: readonly string[]): string[] {
  return [
    keepKeysStatement('scope', []),
    `set(scope.name, "") where not IsMatch(scope.name, ${ottlString(exactlyOneOf(names))})`,
    `set(scope.version, "") where not IsMatch(scope.version, ${ottlString(SCOPE_VERSION_SHAPE)})`,
    'set(scope.schema_url, "") where scope.schema_url != ""',
  ];
}

/** Resource: no schema_url (clitel sends none; it is free text a client could fill). */
export const CLEAR_RESOURCE_SCHEMA_URL = 'set(resource.schema_url, "") where resource.schema_url != ""';
