// SPDX-License-Identifier: Apache-2.0
// Small writers of OTTL text: string literals, regex escaping, attribute paths.
import type { ClosedSet, IdShape } from './allowlist.js';

/** Escapes text so an RE2 pattern matches it literally. */
export function escapeRegex(text: string): string {
  return text.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** An anchored RE2 pattern matching exactly one of the values. */
export function exactlyOneOf(values: readonly string[]): string {
  return `^(?:${values.map(escapeRegex).join('|')})$`;
}

/** An OTTL string literal (`\` and `"` escaped). */
export function ottlString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

/** `span.attributes["k"]` / `resource.attributes["k"]`. */
export function attributePath(level: 'resource' | 'span' | 'spanevent' | 'datapoint', key: string): string {
  return `${level}.attributes[${ottlString(key)}]`;
}

/** Replaces a value outside a closed list: `set(path, fallback) where path != nil and not IsMatch(…)`. */
export function closedSetStatement(set: ClosedSet): string {
  const path = attributePath(set.level, set.key);
  return `set(${path}, ${ottlString(set.fallback)}) where ${path} != nil and not IsMatch(${path}, ${ottlString(exactlyOneOf(set.values))})`;
}

/** Deletes an id of the wrong shape: `delete_key(map, key) where path != nil and not IsMatch(…)`. */
export function idShapeStatement(id: IdShape): string {
  const path = attributePath(id.level, id.key);
  return `delete_key(${id.level}.attributes, ${ottlString(id.key)}) where ${path} != nil and not IsMatch(${path}, ${ottlString(id.pattern)})`;
}
