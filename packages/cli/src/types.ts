// SPDX-License-Identifier: Apache-2.0
// Public types of @clitel/cli: the report every output (table, JSON, Markdown, dashboard,
// public aggregates) is made from.

/** Runs and installations of one group. Runs are scaled by 1 / clitel.sample_rate. */
export interface Cell {
  /** Runs in the group. */
  runs: number;
  /** Distinct installations in the group (runs without an installation id are not counted). */
  installations: number;
}

/** One value of a dimension (an OS, an architecture, …) with its share of installations. */
export interface ShareRow extends Cell {
  /** The value; `''` when the attribute was absent. */
  value: string;
  /** Fraction (0..1) of all installations in the window; of runs when no installation ids exist. */
  share: number;
}

/** Usage of one command. */
export interface CommandRow extends Cell {
  /** The command path from the schema (`''` is the root command, `_unknown` anything else). */
  command: string;
  /** Fraction (0..1) of all runs. */
  share: number;
}

/** Usage of one option of one command. */
export interface OptionRow extends Cell {
  command: string;
  /** The option name. */
  option: string;
  /** Fraction (0..1) of the command's runs that set this option. */
  share: number;
}

/** Usage of one allowlisted value of an option. */
export interface OptionValueRow extends Cell {
  command: string;
  option: string;
  /** The value as recorded (`_other` for values outside the schema's list). */
  value: string;
}

/** Activity on one UTC day. */
export interface GrowthRow extends Cell {
  /** `YYYY-MM-DD`. */
  day: string;
  /** Installations seen for the first time that day. */
  newInstallations: number;
}

/** Usage of one version. */
export interface VersionRow extends Cell {
  version: string;
  /** Fraction (0..1) of all runs. */
  share: number;
  /** Installations whose latest run in the window used this version. */
  latestInstallations: number;
}

/** How fast one version was adopted. */
export interface AdoptionRow {
  version: string;
  /** First day it was seen in the window. */
  firstSeen: string;
  /** Days from firstSeen until at least half of that day's active installations ran it or newer; null if not yet. */
  daysToHalf: number | null;
  /** Highest daily share (0..1) of active installations on it or newer. */
  peakShare: number;
}

/** Errors of one command (and version). */
export interface ErrorRow {
  command: string;
  /** The version, or `*` for all versions. */
  version: string;
  runs: number;
  errors: number;
  /** errors / runs. */
  errorRate: number;
}

/** A day whose error rate stands out from the command's trailing baseline. */
export interface SpikeRow extends ErrorRow {
  day: string;
  /** The command's error rate over the trailing baseline days (all versions). */
  baselineRate: number;
}

/** Run time of one command. */
export interface DurationRow {
  command: string;
  /** Spans measured (unscaled). */
  samples: number;
  /** Median run time in milliseconds. */
  p50Ms: number;
  /** 95th percentile run time in milliseconds. */
  p95Ms: number;
}

/** Everything `clitel report` answers, for one tool and window. */
export interface Report {
  /** `service.name` of the tool reported on. */
  service: string;
  /** Every tool with data in the window, busiest first. */
  services: string[];
  /** The window: ISO instants and its length in days. */
  window: { since: string; until: string; days: number };
  totals: Cell & { errors: number; errorRate: number };
  commands: CommandRow[];
  options: OptionRow[];
  optionValues: OptionValueRow[];
  platforms: { os: ShareRow[]; arch: ShareRow[]; runtime: ShareRow[]; channel: ShareRow[] };
  growth: GrowthRow[];
  versions: {
    /** The newest release seen (prereleases only count when nothing else exists). */
    newest: string | null;
    list: VersionRow[];
    /** Fraction (0..1) of runs on versions older than the newest. */
    olderRunsShare: number;
    /** Fraction (0..1) of installations whose latest run used a version older than the newest. */
    olderInstallationsShare: number;
  };
  adoption: AdoptionRow[];
  errors: {
    byCommand: ErrorRow[];
    byCommandVersion: ErrorRow[];
    /** Error types per command (`error.type`). */
    types: { command: string; errorType: string; runs: number }[];
    spikes: SpikeRow[];
  };
  ci: ShareRow[];
  ciProviders: ShareRow[];
  durations: DurationRow[];
}
