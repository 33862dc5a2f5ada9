// SPDX-License-Identifier: Apache-2.0
// A model of the collector's redaction processor, read from a generated config, for the corpus
// tests of the span and the client-metrics pipelines: ignore → not allowed (delete) → blocked
// values (each match masked with ****), values of other types checked when redact_all_types is on.
import { RE2JS } from 're2js';
import { unescapeConfmap } from '../../src/collector/confmap.js';

export type Attrs = Record<string, unknown>;

/** The redaction processor's keys, as the generator writes them (a type literal, so parsed YAML maps convert). */
export type RedactionConfig = {
  allowed_keys: string[];
  ignored_keys: string[];
  blocked_values: string[];
  redact_all_types: boolean;
};

/** Returns the processor as a function over one attribute map. */
export function redactionModel(redaction: RedactionConfig): (attrs: Attrs) => Attrs {
  const blocked = redaction.blocked_values.map((p) => RE2JS.compile(unescapeConfmap(p)));
  return (attrs) => {
    const out: Attrs = {};
    for (const [key, value] of Object.entries(attrs)) {
      if (redaction.ignored_keys.includes(key)) out[key] = value;
      else if (!redaction.allowed_keys.includes(key)) continue;
      else {
        const text = typeof value === 'string' ? value : redaction.redact_all_types ? (Array.isArray(value) ? JSON.stringify(value) : String(value)) : undefined;
        let masked = text;
        for (const re of blocked) if (masked != null && re.test(masked)) masked = re.matcher(masked).replaceAll('****');
        out[key] = masked !== text ? masked : value;
      }
    }
    return out;
  };
}
