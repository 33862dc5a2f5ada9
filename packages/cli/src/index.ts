// SPDX-License-Identifier: Apache-2.0
// The programmatic surface of `clitel`, kept small: run any command in-process (`main`), start
// the dev receiver inside a tool's own tests (`startReceiver`), and the shape of `report --json`.
// Everything else is the command's implementation and may change in any release.
export { main } from './main.js';
export { startReceiver } from './receiver/otlp-receiver.js';
export type { MainOptions } from './main.js';
export type { Receiver, ReceiverOptions } from './receiver/otlp-receiver.js';
export type { SpanRow, SpanEventRow } from './otlp/span-row.js';
export type {
  Report, Cell, ShareRow, CommandRow, OptionRow, OptionValueRow, GrowthRow, VersionRow, AdoptionRow, ErrorRow, SpikeRow, DurationRow,
} from './types.js';
