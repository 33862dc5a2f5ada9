// SPDX-License-Identifier: Apache-2.0
// The collector's config layer (confmap): `${env:NAME}` references, `$$` escaping, and the merge
// of repeated `--config` files (maps merged key by key, lists and scalars replaced whole).

const ENV_REF = Symbol('clitel.env-ref');

/** A `${env:NAME}` or `${env:NAME:-fallback}` reference, kept apart from literal text. */
export interface EnvRef {
  readonly [ENV_REF]: true;
  readonly name: string;
  readonly fallback: string | undefined;
}

/** References an environment variable in the generated YAML. */
export function env(name: string, fallback?: string): EnvRef {
  return Object.freeze({ [ENV_REF]: true as const, name, fallback });
}

function isEnvRef(value: unknown): value is EnvRef {
  return typeof value === 'object' && value != null && ENV_REF in value;
}

/** The reference as the collector reads it. */
function envText(ref: EnvRef): string {
  return ref.fallback == null ? `\${env:${ref.name}}` : `\${env:${ref.name}:-${ref.fallback}}`;
}

/** A config tree as the generator builds it: literals may contain `$`, env refs are EnvRef. */
export type ConfigValue = string | number | boolean | EnvRef | ConfigValue[] | { [key: string]: ConfigValue };

/** A config tree as written: every literal `$` doubled, env refs expanded to their `${env:…}` text. */
export type RenderedValue = string | number | boolean | RenderedValue[] | { [key: string]: RenderedValue };

/** Turns a built tree into the text values the collector expects. */
export function toConfmap(value: ConfigValue): RenderedValue {
  if (isEnvRef(value)) return envText(value);
  if (typeof value === 'string') return value.replace(/\$/g, '$$$$');
  if (Array.isArray(value)) return value.map(toConfmap);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toConfmap(v)]));
  return value;
}

/** What the collector makes of one written string: `$$` → `$`; env refs are left as text. */
export function unescapeConfmap(text: string): string {
  return text.replace(/\$\$/g, '$');
}

/** Merges `--config a --config b` the way the collector does: maps key by key, the rest replaced. */
export function mergeConfmap(base: unknown, overlay: unknown): unknown {
  if (!isMap(base) || !isMap(overlay)) return overlay;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overlay)) merged[key] = Object.hasOwn(merged, key) ? mergeConfmap(merged[key], value) : value;
  return merged;
}

/** Whether a value is a YAML map. */
export function isMap(value: unknown): value is Record<string, unknown> {
  return value != null && typeof value === 'object' && !Array.isArray(value);
}
