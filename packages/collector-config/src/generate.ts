// SPDX-License-Identifier: Apache-2.0
// generateCollectorConfig: schema → base.yaml, the overlays and a README, as file name → text.
import { assertValidSchema } from '@clitel/core';
import type { Schema } from '@clitel/core';
import type { CollectorConfigOptions } from './types.js';
import { resolveCollectorOptions } from './options.js';
import { deriveAllowlist } from './allowlist.js';
import { findCollisions } from './consistency.js';
import { buildBase } from './base.js';
import { buildOverlays } from './overlays.js';
import { generatedHeader, renderYaml } from './render.js';
import { renderReadme } from './readme.js';
import { mergeConfmap, toConfmap } from './confmap.js';
import { checkCollectorConfig } from './check-config.js';

/**
 * Generates the collector configuration for a schema: `base.yaml`, `overlay-*.yaml` and
 * `README.md`, as file name → text. Deterministic for a given schema and options. Throws when the
 * schema is invalid or collides with the fixed patterns (code `clitel.collector.collision`).
 */
export function generateCollectorConfig(schema: Schema, options?: CollectorConfigOptions): Record<string, string> {
  assertValidSchema(schema);
  const resolved = resolveCollectorOptions(options);
  const allow = deriveAllowlist(schema);
  const collisions = findCollisions(allow);
  if (collisions.length > 0) {
    throw Object.assign(new Error(`clitel: the schema collides with the collector patterns: ${collisions.join('; ')}`), { code: 'clitel.collector.collision' });
  }
  const header = generatedHeader(resolved.schemaFileName);
  const base = buildBase(allow, resolved);
  const overlays = buildOverlays(resolved);
  const problems = [
    ...checkCollectorConfig(toConfmap(base.config)),
    ...overlays.flatMap((o) => checkCollectorConfig(mergeConfmap(toConfmap(base.config), toConfmap(o.config))).map((p) => `${o.file}: ${p}`)),
  ];
  if (problems.length > 0) throw Object.assign(new Error(`clitel: generated an invalid collector config: ${problems.join('; ')}`), { code: 'clitel.collector.invalid-output' });
  const files: Record<string, string> = {
    'README.md': renderReadme(allow, overlays, resolved, header),
    'base.yaml': renderYaml(base, [header, `Collector gateway for ${allow.tool}: OTLP in, only what the schema allows out.`, 'Run: otelcol-contrib --config base.yaml [--config overlay-<backend>.yaml …]']),
  };
  for (const overlay of overlays) {
    files[overlay.file] = renderYaml(overlay, [header, overlay.title, `Run: otelcol-contrib --config base.yaml --config ${overlay.file}`]);
  }
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
