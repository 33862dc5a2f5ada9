// SPDX-License-Identifier: Apache-2.0
// Guards a schema against the fixed patterns: a denied key must not delete an allowed key, and a
// blocked pattern must not mask a key or value the schema allows. Both would silently lose data,
// so generation stops with the offending key, value and pattern instead.
import type { Allowlist } from './allowlist.js';
import { BLOCKED_PATTERNS } from './patterns.js';
import { DENIED_KEYS } from './denied-keys.js';

/** Runs an RE2 pattern of ours as a JavaScript RegExp (only a leading `(?i)` needs translating). */
function toJsRegExp(pattern: string): RegExp {
  return pattern.startsWith('(?i)') ? new RegExp(pattern.slice(4), 'i') : new RegExp(pattern);
}

/** Problems where the fixed patterns collide with the schema (empty when none). */
export function findCollisions(allow: Allowlist): string[] {
  const problems: string[] = [];
  const keys = [...new Set([...allow.allowedKeys, ...allow.clients.allowedKeys])];
  for (const denied of DENIED_KEYS) {
    const re = toJsRegExp(denied.pattern);
    for (const key of keys) if (re.test(key)) problems.push(`key ${key} would be deleted by the denied-key pattern ${denied.pattern}`);
  }
  const ids = new Set(allow.idShapes.map((s) => s.key));
  for (const blocked of BLOCKED_PATTERNS) {
    const re = toJsRegExp(blocked.pattern);
    for (const key of keys) if (re.test(key)) problems.push(`key ${key} matches the blocked pattern "${blocked.name}"`);
    for (const [key, values] of allow.knownValues) {
      if (ids.has(key)) continue;
      for (const value of values) if (re.test(value)) problems.push(`value ${JSON.stringify(value)} of ${key} would be masked by the blocked pattern "${blocked.name}"`);
    }
  }
  return problems;
}
