// SPDX-License-Identifier: Apache-2.0
// The report's SQL, written once for DuckDB and ClickHouse through the Dialect helpers. Every
// query reads the `clitel_runs` CTE (a name no column alias uses, for ClickHouse's sake): one row
// per command span, with its weight `w` = 1 / clitel.sample_rate (absent means 1), so sampled data
// is scaled back up. Installation counts sum each installation's
// weight once per group (a two-level GROUP BY), which is exact for unsampled data.
import { ATTR_CLITEL_CHANNEL, ATTR_CLITEL_CI, ATTR_CLITEL_CI_PROVIDER, ATTR_CLITEL_COMMAND, ATTR_CLITEL_INSTALLATION_ID, ATTR_CLITEL_OPTION_PREFIX, ATTR_CLITEL_OPTIONS, ATTR_CLITEL_SAMPLE_RATE, ATTR_ERROR_TYPE, ATTR_HOST_ARCH, ATTR_OS_TYPE, ATTR_PROCESS_RUNTIME_NAME, ATTR_PROCESS_RUNTIME_VERSION, ATTR_SERVICE_VERSION } from '@clitel/core/internal';
import { literal, type Dialect } from './dialect.js';

/** Which spans a query reads. */
export interface QueryScope {
  /** First instant included; undefined reads from the beginning. */
  since?: Date;
  /** Last instant included. */
  until: Date;
  /** `service.name` of the tool. */
  service: string;
}

function windowFilter(d: Dialect, scope: { since?: Date; until: Date }): string {
  const ts = d.col('Timestamp');
  return [
    `${d.hasKey(d.col('SpanAttributes'), ATTR_CLITEL_COMMAND)}`,
    ...(scope.since != null ? [`${ts} >= ${d.timestamp(scope.since)}`] : []),
    `${ts} <= ${d.timestamp(scope.until)}`,
  ].join(' AND ');
}

/** Tools with command spans in the window, busiest first. */
export function servicesSql(d: Dialect, scope: { since?: Date; until: Date }): string {
  return `SELECT ${d.col('ServiceName')} AS service, count(*) AS spans FROM ${d.table} WHERE ${windowFilter(d, scope)} GROUP BY ${d.col('ServiceName')} ORDER BY spans DESC, service`;
}

/** `WITH clitel_runs AS (…)`: the one place that knows the otel_traces columns and attribute keys. */
function runsCte(d: Dialect, scope: QueryScope): string {
  const ra = d.col('ResourceAttributes');
  const sa = d.col('SpanAttributes');
  const rate = d.toDouble(d.attr(sa, ATTR_CLITEL_SAMPLE_RATE));
  return `WITH clitel_runs AS (
  SELECT ${d.col('Timestamp')} AS ts,
    ${d.day(d.col('Timestamp'))} AS day,
    ${d.attr(ra, ATTR_SERVICE_VERSION)} AS version,
    ${d.attr(ra, ATTR_CLITEL_INSTALLATION_ID)} AS inst,
    ${d.attr(sa, ATTR_CLITEL_COMMAND)} AS command,
    ${d.attr(sa, ATTR_CLITEL_OPTIONS)} AS options,
    ${d.attr(ra, ATTR_OS_TYPE)} AS os,
    ${d.attr(ra, ATTR_HOST_ARCH)} AS arch,
    ${d.attr(ra, ATTR_PROCESS_RUNTIME_NAME)} || ' ' || ${d.major(d.attr(ra, ATTR_PROCESS_RUNTIME_VERSION))} AS runtime,
    CASE WHEN ${d.attr(ra, ATTR_CLITEL_CI)} = 'true' THEN 'ci' ELSE 'interactive' END AS ci,
    ${d.attr(ra, ATTR_CLITEL_CI_PROVIDER)} AS ci_provider,
    ${d.attr(ra, ATTR_CLITEL_CHANNEL)} AS channel,
    CASE WHEN ${d.col('StatusCode')} IN ('Error', 'STATUS_CODE_ERROR') THEN 1 ELSE 0 END AS err,
    ${d.attr(sa, ATTR_ERROR_TYPE)} AS error_type,
    ${d.col('Duration')} / 1000000.0 AS duration_ms,
    CASE WHEN ${rate} > 0 AND ${rate} <= 1 THEN 1.0 / ${rate} ELSE 1.0 END AS w,
    ${sa} AS attrs
  FROM ${d.table}
  WHERE ${windowFilter(d, scope)} AND ${d.col('ServiceName')} = ${literal(scope.service, d)}
)
`;
}

/**
 * Runs, installations and errors per group of `dims` (columns of `source`). Inner level: one row
 * per group and installation; outer level: sums. Inner names differ from outer aliases because
 * ClickHouse resolves an alias before a column of the same name.
 */
function breakdownSql(dims: readonly string[], source = 'clitel_runs'): string {
  const list = dims.join(', ');
  const inner = `SELECT ${dims.length > 0 ? `${list}, ` : ''}inst, sum(w) AS r_runs, CASE WHEN inst <> '' THEN max(w) ELSE 0 END AS r_inst, sum(w * err) AS r_err
  FROM ${source} GROUP BY ${dims.length > 0 ? `${list}, ` : ''}inst`;
  const outer = `SELECT ${dims.length > 0 ? `${list}, ` : ''}sum(r_runs) AS runs, sum(r_inst) AS installations, sum(r_err) AS errors FROM (${inner}) AS b`;
  return dims.length > 0 ? `${outer} GROUP BY ${list} ORDER BY runs DESC, ${list}` : outer;
}

/** The named report queries for one scope (window) and, for first-seen days, all history. */
export function reportQueries(d: Dialect, scope: QueryScope): Record<string, string> {
  const cte = runsCte(d, scope);
  const history = runsCte(d, { ...scope, since: undefined });
  const optionNames = `(SELECT command, inst, w, err, ${d.explodeJsonArray('options')} AS opt FROM clitel_runs WHERE options <> '') AS o`;
  const optionValues = `(SELECT command, inst, w, err, okey, ${d.lookup('attrs', 'okey')} AS val
    FROM (SELECT command, inst, w, err, attrs, ${d.explodeKeysWithPrefix('attrs', ATTR_CLITEL_OPTION_PREFIX)} AS okey FROM clitel_runs) AS e) AS v`;
  const lastVersion = (byDay: boolean): string =>
    `(SELECT ${byDay ? 'day, ' : ''}inst, ${d.argMax('version', 'ts')} AS last_version, max(w) AS iw FROM clitel_runs WHERE inst <> '' GROUP BY ${byDay ? 'day, ' : ''}inst) AS l`;
  return {
    totals: cte + breakdownSql([]),
    commands: cte + breakdownSql(['command']),
    options: cte + breakdownSql(['command', 'opt'], optionNames),
    optionValues: cte + breakdownSql(['command', 'okey', 'val'], optionValues),
    os: cte + breakdownSql(['os']),
    arch: cte + breakdownSql(['arch']),
    runtime: cte + breakdownSql(['runtime']),
    channel: cte + breakdownSql(['channel']),
    ci: cte + breakdownSql(['ci']),
    ciProviders: cte + breakdownSql(['ci_provider']),
    growth: cte + breakdownSql(['day']),
    firstSeen: `${history}SELECT first_day, sum(iw) AS installations FROM (SELECT inst, min(day) AS first_day, max(w) AS iw FROM clitel_runs WHERE inst <> '' GROUP BY inst) AS f GROUP BY first_day ORDER BY first_day`,
    versions: cte + breakdownSql(['version']),
    latestVersions: `${cte}SELECT last_version, sum(iw) AS installations FROM ${lastVersion(false)} GROUP BY last_version ORDER BY last_version`,
    adoption: `${cte}SELECT day, last_version, sum(iw) AS installations FROM ${lastVersion(true)} GROUP BY day, last_version ORDER BY day, last_version`,
    errorCells: cte + breakdownSql(['day', 'command', 'version']),
    errorTypes: `${cte}SELECT command, error_type, sum(w) AS runs FROM clitel_runs WHERE err = 1 GROUP BY command, error_type ORDER BY runs DESC, command, error_type`,
    durations: `${cte}SELECT command, count(*) AS samples, ${d.quantile('duration_ms', 0.5)} AS p50, ${d.quantile('duration_ms', 0.95)} AS p95 FROM clitel_runs GROUP BY command ORDER BY command`,
  };
}
