// SPDX-License-Identifier: Apache-2.0
// A schema as the maintainer keeps it: one line per command and per global option, so a change
// to the tool shows up as a one-line diff in review.
import type { Schema } from '@clitel/core';

/** JSON on one line with a space after `:` and `,`, and `{ … }` padded: `{ "options": { "force": {} } }`. */
function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value != null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

/** One entry per line inside a two-level block. */
function block(entries: Readonly<Record<string, unknown>>): string {
  const lines = Object.entries(entries).map(([k, v]) => `    ${JSON.stringify(k)}: ${inline(v)}`);
  return lines.length === 0 ? '{}' : `{\n${lines.join(',\n')}\n  }`;
}

/** The schema file's text. */
export function formatSchema(schema: Schema): string {
  const fields = Object.entries(schema).filter(([, v]) => v !== undefined).map(([key, value]) => {
    const text = key === 'commands' || key === 'options' ? block(value as Record<string, unknown>) : inline(value);
    return `  ${JSON.stringify(key)}: ${text}`;
  });
  return `{\n${fields.join(',\n')}\n}\n`;
}
