// SPDX-License-Identifier: Apache-2.0
// `<tool> telemetry …` as a command line: parses the arguments after `telemetry`, prints the
// usage, one-line errors or the action's output, and returns the exit code. Every adapter hands
// its framework's arguments here, so the command behaves the same on every framework.
import { parseArgs } from 'node:util';
import type { TelemetryAction, TelemetryCommandIo, TelemetryOptions } from '../shared/types.js';
import { runTelemetryCommandNow } from './telemetry-command.js';
import { TELEMETRY_ACTIONS, TELEMETRY_ARGUMENTS, TELEMETRY_COMMAND } from '../shared/telemetry-usage.js';

/** Exit code of a usage error (unknown action or option), as most CLIs use it. */
const USAGE_EXIT_CODE = 2;

const EXPECTED = 'expected status, enable, disable, reset or show';

/** The full usage text of `<tool> telemetry --help`. */
function telemetryUsage(tool: string): string {
  return [
    `Usage: ${tool} ${TELEMETRY_COMMAND} ${TELEMETRY_ARGUMENTS}`,
    '',
    `  status    whether telemetry is on for ${tool}, why, and the installation id`,
    `  enable    turn it on for ${tool} (--all: for every clitel tool on this machine)`,
    '  disable   turn it off and delete the local telemetry data (--all: every clitel tool)',
    '  reset     start a new installation id and print the old one',
    `  show      print what ${tool} sent from this machine (--json: the OTLP/JSON bodies)`,
    '',
  ].join('\n');
}

type Parsed = { help: true } | { error: string } | { action: TelemetryAction; all: boolean; json: boolean };

function parse(args: readonly string[]): Parsed {
  let values: { all?: boolean; json?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...args],
      options: { all: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    // node's message names the option the user typed ("Unknown option '--frob'. …"): keep its first sentence.
    const first = String((error as Error).message ?? '').split(/\.\s/)[0].replace(/\.$/, '');
    return { error: first.length > 0 ? first.charAt(0).toLowerCase() + first.slice(1) : 'invalid arguments' };
  }
  if (values.help === true || positionals[0] === 'help') return { help: true };
  const [action, ...extra] = positionals;
  if (action == null) return { error: `missing action (${EXPECTED})` };
  if (!(TELEMETRY_ACTIONS as readonly string[]).includes(action)) return { error: `unknown action '${action}' (${EXPECTED})` };
  if (extra.length > 0) return { error: `unexpected argument '${extra[0]}'` };
  if (values.all === true && action !== 'enable' && action !== 'disable') return { error: '--all goes with enable or disable' };
  if (values.json === true && action !== 'show') return { error: '--json goes with show' };
  return { action: action as TelemetryAction, all: values.all === true, json: values.json === true };
}

/**
 * Runs `<tool> telemetry <args>` (`args`: what follows `telemetry`). Output goes to `io`; a usage
 * error is one line on stderr and exit code 2; a choice that cannot be saved is one line and 1.
 * Never throws.
 */
export function runTelemetryCliNow(args: readonly string[], options: TelemetryOptions, io: TelemetryCommandIo): number {
  const tool = options.toolName;
  try {
    const parsed = parse(args);
    if ('help' in parsed) {
      io.writeOut(telemetryUsage(tool));
      return 0;
    }
    if ('error' in parsed) {
      io.writeErr(`${tool} ${TELEMETRY_COMMAND}: ${parsed.error}; see '${tool} ${TELEMETRY_COMMAND} --help'\n`);
      return USAGE_EXIT_CODE;
    }
    const result = runTelemetryCommandNow(parsed.action, options, { all: parsed.all, json: parsed.json });
    const text = result.lines.length > 0 ? `${result.lines.join('\n')}\n` : '';
    if (result.exitCode === 0) io.writeOut(text);
    else io.writeErr(text);
    return result.exitCode;
  } catch {
    return 1;
  }
}
