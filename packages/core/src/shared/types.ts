// SPDX-License-Identifier: Apache-2.0

/**
 * How the value of one option may be recorded. With none of the fields set, only the option's
 * *name* is recorded when the user sets it, never its value.
 */
export interface OptionSchema {
  /** Record the value when it is one of these strings; any other value is recorded as `_other`. */
  values?: readonly string[];
  /** Record the value as `true` / `false`. */
  boolean?: boolean;
  /** Record a number as the bucket it falls in (ascending bounds), e.g. `[1, 10, 100]` gives `1-10`. */
  buckets?: readonly number[];
}

/** What may be recorded for one command. */
export interface CommandSchema {
  /** Options of this command whose names (and, where allowed, values) may be recorded. */
  options?: Readonly<Record<string, OptionSchema>>;
}

/**
 * The single source of truth for what may leave a machine. Plain JSON-serialisable data: the
 * runtime filters with it, and the collector config and data dictionary are generated from it.
 * Anything not listed is dropped (default deny).
 */
export interface Schema {
  /** The tool's name, e.g. `acme`. Should match `toolName` (a mismatch is a warning; the run is recorded under `toolName`). */
  tool: string;
  /** `opt-out` (on after the first-run notice; the default) or `opt-in` (off until enabled). */
  mode?: TelemetryMode;
  /** Commands keyed by their space-separated path, e.g. `deploy` or `remote add`. */
  commands: Readonly<Record<string, CommandSchema>>;
  /** Options accepted by every command (global options). */
  options?: Readonly<Record<string, OptionSchema>>;
  /** Stage names a run may report with `run.stage(name)` (sent as `progress` events). */
  stages?: readonly string[];
  /** Module names whose load may be recorded on a run (`module-load` events), e.g. your plugins. */
  modules?: readonly string[];
  /** Fraction of installations that send (0..1), decided from the installation id. Default 1. */
  sampleRate?: number;
}

/** `opt-out`: on after the first-run notice. `opt-in`: off until the user enables it. */
export type TelemetryMode = 'opt-out' | 'opt-in';

/** `full` (default) or `minimal`: only command, result, duration and `service.*`. */
export type TelemetryLevel = 'full' | 'minimal';

/** `background` spawns a detached sender; `sync` sends at exit with a bounded wait (default in CI). */
export type DeliveryMode = 'background' | 'sync';

/** Environment as a plain object; pass `process.env` from the entry point. */
export type Env = Readonly<Record<string, string | undefined>>;

/** What a maintainer passes to set clitel up for a tool. */
export interface TelemetryOptions {
  /** The tool's name, used for the span name, files and the opt-out variable. Required. */
  toolName: string;
  /** The tool's version (`service.version`). Default `0.0.0`. */
  toolVersion?: string;
  /** The allowlist. Default: no commands known, so every command is recorded as `_unknown`. */
  schema?: Schema;
  /** Consent mode. Default: the schema's mode, else `opt-out`. */
  mode?: TelemetryMode;
  /** Default OTLP/HTTP base URL. `OTEL_EXPORTER_OTLP_ENDPOINT` / `…_TRACES_ENDPOINT` win. Default: none (nothing is sent). */
  endpoint?: string;
  /** Name of the tool's opt-out variable. Default `<TOOL>_TELEMETRY_OPTOUT`. */
  optOutEnvVar?: string;
  /** Where users read what is collected; shown in the first-run notice. */
  docsUrl?: string;
  /** Whether the tool answers `<tool> telemetry …`; the notice names the command only then. Default `true`. */
  telemetryCommand?: boolean;
  /** Show the notice again when this string changes (e.g. the major version). Default `1`. */
  noticeVersion?: string;
  /** `clitel.source`: how the tool was started (`cli`, `extension`, …). Default `cli`. */
  source?: string;
  /** `clitel.channel`: how the tool was acquired (`npm`, `npx`, `homebrew`, …). Default: detected. */
  channel?: string;
  /** Delivery mode. Default `sync` when `CI` is set, else `background`. */
  delivery?: DeliveryMode;
  /** Bounds of the on-disk queue of unsent runs; the oldest entries go first. */
  spoolLimits?: SpoolLimits;
  /** Detail level. Default `full`; `CLITEL_LEVEL=minimal` overrides. */
  level?: TelemetryLevel;
  /** Environment to read. Default `process.env`, read once at the entry point. */
  env?: Env;
  /** Where the notice and debug output go. Default: `process.stderr`. */
  writeErr?: (text: string) => void;
  /** Home directory. Default `os.homedir()`. */
  homeDir?: string;
  /** Path of the tool's entry script, used only to detect the acquisition channel. Never sent. */
  entryPath?: string;
}

/** Bounds of the on-disk queue of unsent runs. */
export interface SpoolLimits {
  /** Most entries kept. Default 10 000. */
  maxEntries?: number;
  /** Most bytes kept. Default 10 MB. */
  maxBytes?: number;
  /** Entries are dropped after delivery has failed for this many days without a success. Default 7. */
  maxAgeDays?: number;
}

/** Which source decided whether telemetry is on. */
export type ConsentSource =
  | 'OTEL_SDK_DISABLED'
  | 'DO_NOT_TRACK'
  | 'CLITEL_TELEMETRY_OPTOUT'
  | 'tool-env'
  | 'tool-config'
  | 'machine-config'
  | 'default'
  | 'error';

/** The decision for this run and why. */
export interface ConsentStatus {
  /** Whether telemetry is on for this run. */
  enabled: boolean;
  /** What decided it. */
  source: ConsentSource;
  /** A human-readable explanation naming the variable or file. */
  reason: string;
}

/** One of the `telemetry` subcommand's actions. */
export type TelemetryAction = 'status' | 'enable' | 'disable' | 'reset' | 'show';

/** The outcome of a `telemetry` subcommand, for the adapter to print on stdout. */
export interface TelemetryCommandResult {
  /** Lines to print. */
  lines: string[];
  /** Exit code for the subcommand: 0, or 1 when a choice could not be saved. */
  exitCode: number;
}

/** A run in progress. Every method is safe to call in any state and never throws. */
export interface Run {
  /** Whether this run will be recorded. */
  readonly recording: boolean;
  /** Sets the command path the user ran, e.g. `['remote', 'add']`. */
  setCommand(path: readonly string[]): void;
  /** Sets the options the user set, name → value. Defaults must not be passed. */
  setOptions(used: Readonly<Record<string, unknown>>): void;
  /** Records the error that ended the run (type and scrubbed frames only). */
  recordError(error: unknown): void;
  /** Records a `progress` event for a stage whose name is in the schema's `stages`. */
  stage(name: string): void;
  /** Do not record this run (e.g. for the `telemetry` subcommand itself). */
  cancel(): void;
  /** Ends the run now with this exit code; otherwise it ends when the process exits. */
  end(exitCode: number): void;
}

/** One counter total a library reports at exit. */
export interface UsagePoint {
  /** Metric name, e.g. `clitel.function.calls`. */
  name: string;
  /** The total since the process started (a monotonic sum). */
  value: number;
  /** Attributes; only keys in `allowedAttributes` (and `clitel.function`) are kept. */
  attributes?: Readonly<Record<string, string | number | boolean>>;
}

/** Options of `startUsage`: the module is the "tool" (its name, version and opt-out variable). */
export interface UsageOptions extends TelemetryOptions {
  /** Attribute keys a point may carry besides `clitel.function`. Default none. */
  allowedAttributes?: readonly string[];
}

/** Where the `telemetry` subcommand writes: the tool's stdout and stderr. */
export interface TelemetryCommandIo {
  /** The tool's stdout. Default `process.stdout`. */
  writeOut: (text: string) => void;
  /** The tool's stderr. Default `process.stderr`. */
  writeErr: (text: string) => void;
}

/** Options of the `telemetry` subcommand. */
export interface TelemetryCommandOptions {
  /** With `enable`/`disable`: apply to every clitel tool on this machine. */
  all?: boolean;
  /** With `show`: print the logged OTLP/JSON request bodies instead of one line per run. */
  json?: boolean;
}
