// SPDX-License-Identifier: Apache-2.0
// Small writers of OTTL text: string literals, regex escaping, attribute paths.

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
