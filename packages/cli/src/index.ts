// SPDX-License-Identifier: Apache-2.0
export { main } from './main.js';
export { CliError } from './cli-error.js';
export { startReceiver } from './receiver/otlp-receiver.js';
export { decodeTraceRequestProtobuf } from './otlp/decode-protobuf.js';
export { decodeTraceRequestJson, decodeTraceRequestObject } from './otlp/decode-json.js';
export { openDuckDbStore } from './store/duckdb-store.js';
export { buildReport } from './report/build-report.js';
export { renderDataDictionary } from './docs/data-dictionary.js';
export { renderDashboard } from './dashboard/render-dashboard.js';
export { writeDashboard } from './dashboard/write-dashboard.js';
export { buildPublicAggregates } from './publish/public-aggregates.js';
export { planInit, applyInitPlan } from './init/plan-init.js';
export type { MainOptions } from './main.js';
export type { CliErrorCode } from './cli-error.js';
export type { Receiver, ReceiverOptions } from './receiver/otlp-receiver.js';
export type { SpanRow, SpanEventRow } from './otlp/span-row.js';
export type { DuckDbStore, OpenStoreOptions } from './store/duckdb-store.js';
export type { QueryRunner, ResultRow } from './store/query-runner.js';
export type { ReportOptions } from './report/build-report.js';
export type { DataDictionaryOptions } from './docs/data-dictionary.js';
export type { PublicAggregates, PublicTable, PublicRow } from './publish/public-aggregates.js';
export type { InitPlan, InitOptions, FileChange } from './init/plan-init.js';
export type {
  Report, Cell, ShareRow, CommandRow, OptionRow, OptionValueRow, GrowthRow, VersionRow, AdoptionRow, ErrorRow, SpikeRow, DurationRow,
} from './types.js';
