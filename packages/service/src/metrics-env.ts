// SPDX-License-Identifier: Apache-2.0
// Heartbeats are metrics, so the signal-specific OTEL_EXPORTER_OTLP_METRICS_* variables apply to
// them and the _TRACES_ ones do not. Core settles its export target from the _TRACES_ forms (a
// run is a span), so the service hands core a view of the env with the metrics forms in their
// place, and core parses them as it parses every other variable.
import type { Env } from '@clitel/core';

const SIGNAL_VARIABLES = ['ENDPOINT', 'PROTOCOL', 'HEADERS', 'TIMEOUT'] as const;
const TRACES_PREFIX = 'OTEL_EXPORTER_OTLP_TRACES_';
const METRICS_PREFIX = 'OTEL_EXPORTER_OTLP_METRICS_';

/** `env` as a metrics exporter reads it: each `…_TRACES_*` variable replaced by its `…_METRICS_*` form. */
export function metricsEnv(env: Env): Env {
  const view: Record<string, string | undefined> = { ...env };
  for (const name of SIGNAL_VARIABLES) view[`${TRACES_PREFIX}${name}`] = env[`${METRICS_PREFIX}${name}`];
  return view;
}

/** Core's warnings about that view, naming the variables the operator actually set, each once. */
export function metricsWarnings(warnings: readonly string[]): string[] {
  return [...new Set(warnings.map((w) => w.replaceAll(TRACES_PREFIX, METRICS_PREFIX)))];
}
