// SPDX-License-Identifier: Apache-2.0
// `clitel doctor [--timeout <s>] [--register] [--json] <entry> [args…]`: runs the tool once in
// doctor mode and says what would be sent, or the first reason nothing would be.
import type { DoctorReport } from '@clitel/core/internal';
import { TELEMETRY_COMMAND } from '@clitel/core';
import type { Command } from '../context.js';
import { booleanFlag, parseCommandArgs, stringFlag } from '../args.js';
import { CliError } from '../cli-error.js';
import { DOCTOR_FLAGS, splitDoctorArgs } from '../doctor/doctor-args.js';
import { resolveEntry } from '../doctor/resolve-entry.js';
import { runTool } from '../doctor/run-tool.js';
import { diagnose, diagnoseMissing, type Verdict } from '../doctor/diagnose.js';
import { renderToolOutput, renderVerdict } from '../doctor/render-doctor.js';
import { styleFor, writeJson } from './shared.js';

export const DOCTOR_HELP = `Usage: clitel doctor [--timeout <seconds>] [--register] [--json] <entry> [args…]

Why is nothing sent? Runs the tool once, as the user would (same environment, same HOME), with
CLITEL_DEBUG=1 and CLITEL_DOCTOR_REPORT set: clitel records the run, sends nothing and writes
nothing, and reports what it decided. Prints the span that would be sent and when, or the first
reason nothing would be: an opt-out (and which variable or file), an invalid schema, the
first-run notice not yet shown, no endpoint, this installation sampled out, or delivery failing.
A run that writes no report has no clitel on that path.

<entry> is a script (run with node), or a bin name: the project's package.json bin, else
node_modules/.bin/<name>, looked up from this directory up. Words after it are the tool's,
--help included. The tool's output is shown on stderr, clitel's debug lines taken out.

  --timeout <seconds>  kill the tool after this long (default 30)
  --register           run the entry with node --import @clitel/register (tools without an adapter)
  --json               print { verdict, run, report } as JSON

Exit code: 0 when this run would be sent (at once or by a later run), 1 when it would not, 2 for
a usage error.`;

const DEFAULT_TIMEOUT_SECONDS = 30;

function timeoutMs(text: string | undefined): number {
  if (text == null) return DEFAULT_TIMEOUT_SECONDS * 1000;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new CliError('clitel.cli.usage', `doctor: --timeout is invalid, expected a positive number of seconds, actual '${text}'`);
  return seconds * 1000;
}

function readReport(text: string): DoctorReport | undefined {
  try {
    const value = JSON.parse(text) as DoctorReport;
    return value != null && value.v === 1 && typeof value.consent === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The `doctor` command. The tool runs on the same Node.js binary as clitel. */
export const doctor: Command = async (context) => {
  const split = splitDoctorArgs(context.args);
  const parsed = parseCommandArgs('doctor', split.own, DOCTOR_FLAGS);
  if (split.entry == null) throw new CliError('clitel.cli.usage', 'doctor: the tool to run is required, e.g. clitel doctor bin/cli.js deploy --dry-run');
  if (split.toolArgs[0] === TELEMETRY_COMMAND) throw new CliError('clitel.cli.usage', `doctor: '${TELEMETRY_COMMAND}' manages the user's choice and is never recorded; give a command the tool records`);
  const wait = timeoutMs(stringFlag(parsed, 'timeout'));
  const entry = resolveEntry(split.entry, context.cwd);
  const nodeArgs = booleanFlag(parsed, 'register') ? ['--import', '@clitel/register'] : [];
  const run = await runTool({ node: process.execPath, nodeArgs, file: entry.file, args: split.toolArgs, cwd: context.cwd, env: context.env, timeoutMs: wait, signal: context.signal });
  const report = run.report != null ? readReport(run.report) : undefined;
  const verdict: Verdict = report != null
    ? diagnose(report, context.now().getTime())
    : run.report != null
      ? { wouldSend: false, code: 'unreadable-report', reason: 'the run wrote a report this clitel cannot read (another version of @clitel/core?)', hint: 'use the same clitel version as the tool', warnings: [] }
      : diagnoseMissing({ ...run, timeoutMs: wait });
  const command = ['node', ...nodeArgs, entry.display, ...split.toolArgs].join(' ');
  context.stderr.write(renderToolOutput({ ...run, command }, report?.body, styleFor(context, true)));
  if (booleanFlag(parsed, 'json')) {
    writeJson(context, { verdict, run: { entry: entry.display, via: entry.via, exitCode: run.exitCode ?? null, signal: run.signal ?? null, timedOut: run.timedOut }, report: report ?? null });
  } else {
    context.stdout.write(renderVerdict(report, verdict, styleFor(context)));
  }
  return verdict.wouldSend ? 0 : 1;
};
