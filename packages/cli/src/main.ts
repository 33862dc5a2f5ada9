// SPDX-License-Identifier: Apache-2.0
// `clitel <command>`: dispatches to one file per subcommand and turns CliErrors into one line on
// stderr (and `{"error":…}` on stdout with --json) with a stable exit code.
import type { Command, CliContext, Writer } from './context.js';
import { type Env } from '@clitel/core';
import { isDebugEnabled } from '@clitel/core/internal';
import { CliError, isCliError } from './cli-error.js';
import { colourEnabled, createStyle } from './style.js';
import { cliVersion } from './cli-version.js';

/** A loaded command; `ownArgs` picks the words that are the command's own (doctor passes the rest to the tool). */
interface Loaded { run: Command; help: string; ownArgs?(args: readonly string[]): readonly string[] }
interface Entry { summary: string; load(): Promise<Loaded> }

// Loaded on use, so `clitel docs` never loads DuckDB and `clitel report` never loads the receiver.
const COMMANDS: Record<string, Entry> = {
  dev: { summary: 'local OTLP receiver with a live view, storing into DuckDB', load: async () => { const m = await import('./commands/dev.js'); return { run: m.dev, help: m.DEV_HELP }; } },
  ingest: { summary: 'load the collector file exporter\'s JSON lines into the store', load: async () => { const m = await import('./commands/ingest.js'); return { run: m.ingest, help: m.INGEST_HELP }; } },
  report: { summary: 'usage, platforms, growth, versions, errors and durations', load: async () => { const m = await import('./commands/report.js'); return { run: m.report, help: m.REPORT_HELP }; } },
  dashboard: { summary: 'an HTML dashboard of the report', load: async () => { const m = await import('./commands/dashboard.js'); return { run: m.dashboard, help: m.DASHBOARD_HELP }; } },
  publish: { summary: 'public aggregates (JSON, CSV, page) with small cells suppressed', load: async () => { const m = await import('./commands/publish.js'); return { run: m.publish, help: m.PUBLISH_HELP }; } },
  docs: { summary: 'the data dictionary generated from a schema', load: async () => { const m = await import('./commands/docs.js'); return { run: m.docs, help: m.DOCS_HELP }; } },
  'collector-config': { summary: 'OpenTelemetry Collector config generated from a schema', load: async () => { const m = await import('./commands/collector-config.js'); return { run: m.collectorConfig, help: m.COLLECTOR_CONFIG_HELP }; } },
  init: { summary: 'add clitel to an existing CLI project (dry run unless --write)', load: async () => { const m = await import('./commands/init.js'); return { run: m.init, help: m.INIT_HELP }; } },
  schema: { summary: 'the schema that follows from the tool\'s real command tree (--write, --check)', load: async () => { const m = await import('./commands/schema.js'); return { run: m.schema, help: m.SCHEMA_HELP }; } },
  check: { summary: 'CI: schema, collector config and data dictionary in step with the tool', load: async () => { const m = await import('./commands/check.js'); return { run: m.check, help: m.CHECK_HELP }; } },
  doctor: { summary: 'why is nothing sent? run the tool once and say what would be sent, or why not', load: async () => { const m = await import('./commands/doctor.js'); const a = await import('./doctor/doctor-args.js'); return { run: m.doctor, help: m.DOCTOR_HELP, ownArgs: (args) => a.splitDoctorArgs(args).own }; } },
  forget: { summary: 'delete every stored row of one installation', load: async () => { const m = await import('./commands/forget.js'); return { run: m.forget, help: m.FORGET_HELP }; } },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return [
    'Usage: clitel <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, e]) => `  ${name.padEnd(width)}  ${e.summary}`),
    '',
    'Run clitel <command> --help for its options. Every command accepts --json.',
  ].join('\n');
}

/** What the entry point hands to main. */
export interface MainOptions {
  argv: readonly string[];
  env: Env;
  cwd: string;
  stdout: Writer;
  stderr: Writer;
  signal: AbortSignal;
  now?: () => Date;
}

/** Runs `clitel` with these arguments; resolves to the exit code. Never throws. */
export async function main(options: MainOptions): Promise<number> {
  const [name, ...args] = options.argv;
  let json = args.includes('--json');
  const err = createStyle(colourEnabled(options.stderr.isTTY, options.env));
  if (name == null || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? args[0] : undefined;
    const entry = topic != null ? COMMANDS[topic] : undefined;
    options.stdout.write(`${entry != null ? (await entry.load()).help : usage()}\n`);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    options.stdout.write(`${cliVersion()}\n`);
    return 0;
  }
  const entry = COMMANDS[name];
  const context: CliContext = { args, env: options.env, cwd: options.cwd, stdout: options.stdout, stderr: options.stderr, signal: options.signal, now: options.now ?? (() => new Date()) };
  try {
    if (entry == null) throw new CliError('clitel.cli.unknown-command', `unknown command '${name}'; run clitel --help`);
    const loaded = await entry.load();
    const own = loaded.ownArgs?.(args) ?? args;
    json = own.includes('--json');
    if (own.includes('--help') || own.includes('-h')) {
      options.stdout.write(`${loaded.help}\n`);
      return 0;
    }
    return await loaded.run(context);
  } catch (error) {
    const known = isCliError(error);
    const code = known ? error.code : 'clitel.cli.unexpected';
    const message = known ? error.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    options.stderr.write(`${err.red('clitel:')} ${message}\n`);
    if (!known && isDebugEnabled(options.env) && error instanceof Error) options.stderr.write(`${error.stack ?? ''}\n`);
    if (json) options.stdout.write(`${JSON.stringify({ error: { code, message } })}\n`);
    return known ? error.exitCode : 1;
  }
}
