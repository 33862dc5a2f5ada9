// SPDX-License-Identifier: Apache-2.0
// The small differences between DuckDB and ClickHouse SQL. Every report query is written once
// against these helpers; everything else (GROUP BY, sum, CASE, subqueries, WITH) is shared SQL.

/** One backend's spelling of the few non-standard pieces the report needs. */
export interface Dialect {
  readonly name: 'duckdb' | 'clickhouse';
  /** The traces table, quoted as needed. */
  readonly table: string;
  /** A column of `otel_traces` (`Events.Name` needs quoting in DuckDB). */
  col(name: string): string;
  /** A map value as text, `''` when the key is absent. */
  attr(map: string, key: string): string;
  /** Whether a map has a key. */
  hasKey(map: string, key: string): string;
  /** The UTC day of a timestamp as `YYYY-MM-DD` text. */
  day(timestamp: string): string;
  /** A timestamp literal for an instant. */
  timestamp(instant: Date): string;
  /** Text to a double, NULL when it is not a number. */
  toDouble(text: string): string;
  /** The part of a version string before the first dot. */
  major(text: string): string;
  /** Exact quantile with linear interpolation (numpy's default). */
  quantile(expr: string, level: number): string;
  /** The value of `arg` at the row with the largest `value`. */
  argMax(arg: string, value: string): string;
  /** One output row per element of a JSON array of strings (in a SELECT list). */
  explodeJsonArray(text: string): string;
  /** One output row per key of a map that starts with `prefix` (in a SELECT list). */
  explodeKeysWithPrefix(map: string, prefix: string): string;
  /** A map lookup by a key held in another column. */
  lookup(map: string, keyExpr: string): string;
}

/** Quotes a string literal (single quotes doubled, backslashes escaped for ClickHouse). */
export function literal(value: string, dialect: Dialect): string {
  const escaped = dialect.name === 'clickhouse' ? value.replace(/\\/g, '\\\\') : value;
  return `'${escaped.replace(/'/g, "''")}'`;
}

function isoSeconds(instant: Date): string {
  return instant.toISOString().replace('T', ' ').replace('Z', '');
}

/** DuckDB, for the embedded store. */
export function duckdbDialect(table: string): Dialect {
  const d: Dialect = {
    name: 'duckdb',
    table: `"${table.replace(/"/g, '""')}"`,
    col: (name) => `"${name}"`,
    attr: (map, key) => `coalesce(${map}[${literal(key, d)}], '')`,
    hasKey: (map, key) => `${map}[${literal(key, d)}] IS NOT NULL`,
    day: (ts) => `strftime(${ts}, '%Y-%m-%d')`,
    timestamp: (instant) => `CAST(${literal(isoSeconds(instant), d)} AS TIMESTAMP_NS)`,
    toDouble: (text) => `TRY_CAST(nullif(${text}, '') AS DOUBLE)`,
    major: (text) => `split_part(${text}, '.', 1)`,
    quantile: (expr, level) => `quantile_cont(${expr}, ${level})`,
    argMax: (arg, value) => `arg_max(${arg}, ${value})`,
    explodeJsonArray: (text) => `unnest(TRY_CAST(TRY_CAST(${text} AS JSON) AS VARCHAR[]))`,
    explodeKeysWithPrefix: (map, prefix) => `unnest(list_filter(map_keys(${map}), k -> starts_with(k, ${literal(prefix, d)})))`,
    lookup: (map, keyExpr) => `coalesce(${map}[${keyExpr}], '')`,
  };
  return d;
}

/** ClickHouse, for the collector ClickHouse exporter's tables. */
export function clickhouseDialect(table: string): Dialect {
  const quote = (name: string): string => `\`${name.replace(/`/g, '``')}\``;
  const d: Dialect = {
    name: 'clickhouse',
    table: table.split('.').map(quote).join('.'),
    col: (name) => quote(name),
    attr: (map, key) => `${map}[${literal(key, d)}]`,
    hasKey: (map, key) => `mapContains(${map}, ${literal(key, d)})`,
    day: (ts) => `toString(toDate(${ts}, 'UTC'))`,
    timestamp: (instant) => `toDateTime64(${literal(isoSeconds(instant), d)}, 9, 'UTC')`,
    toDouble: (text) => `toFloat64OrNull(${text})`,
    major: (text) => `splitByChar('.', ${text})[1]`,
    quantile: (expr, level) => `quantileExactInclusive(${level})(${expr})`,
    argMax: (arg, value) => `argMax(${arg}, ${value})`,
    explodeJsonArray: (text) => `arrayJoin(JSONExtract(${text}, 'Array(String)'))`,
    explodeKeysWithPrefix: (map, prefix) => `arrayJoin(arrayFilter(k -> startsWith(k, ${literal(prefix, d)}), mapKeys(${map})))`,
    lookup: (map, keyExpr) => `${map}[${keyExpr}]`,
  };
  return d;
}
