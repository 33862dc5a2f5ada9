// SPDX-License-Identifier: Apache-2.0
// `<tool> telemetry status|enable|disable|reset|show`: the logic; adapters expose it as a subcommand.
import type { TelemetryAction, TelemetryCommandOptions, TelemetryCommandResult, TelemetryOptions } from '../shared/types.js';
import { prepare, type Prepared } from '../shared/prepare.js';
import { forgetState } from '../shared/forget.js';
import { writeChoice } from '../shared/choices.js';
import { markNoticeShown, readInstallationId, resetInstallationId } from '../shared/state.js';
import { collectedLines } from './notice.js';
import { errorType } from '../shared/scrub.js';
import { readSentLog, sentLogFile } from '../shared/sent-log.js';
import { renderSentLog } from './sent-view.js';

function status(p: Prepared): string[] {
  const { config, status: s } = p;
  const id = readInstallationId(config.paths.stateDir);
  return [
    `Telemetry for ${config.toolName} is ${s.enabled ? 'on' : 'off'}: ${s.reason}.`,
    `Installation id: ${id ?? '(none yet)'}`,
    `Choices: ${config.paths.toolConfigFile} (this tool), ${config.paths.machineConfigFile} (every clitel tool)`,
    `Turn it off with ${config.toolName} telemetry disable, ${config.optOutVar}=1 or DO_NOT_TRACK=1.`,
    ...(config.docsUrl != null ? [`What is collected: ${config.docsUrl}`] : []),
    ...(config.toolMismatch != null ? [`Warning: ${config.toolMismatch}.`] : []),
  ];
}

function choose(p: Prepared, options: TelemetryOptions, choice: 'enabled' | 'disabled', all: boolean): string[] {
  const { config } = p;
  const file = all ? config.paths.machineConfigFile : config.paths.toolConfigFile;
  writeChoice(file, choice);
  if (choice === 'disabled') forgetState(config.paths.stateDir);
  if (choice === 'enabled' && all) writeChoice(config.paths.toolConfigFile, 'enabled');
  const after = prepare(options);
  const scope = all ? 'every clitel tool on this machine' : config.toolName;
  const lines = [`Telemetry ${choice} for ${scope} (saved in ${file}).`];
  if (choice === 'enabled' && !after.status.enabled) lines.push(`It is still off: ${after.status.reason}.`);
  // The user who turns it on has been told what it collects: no first-run notice after this.
  if (choice === 'enabled' && after.status.enabled) {
    markNoticeShown(config.paths.stateDir, config.noticeVersion);
    lines.push(...collectedLines(config));
  }
  if (choice === 'disabled') lines.push('Local telemetry data (queue, log of what was sent, installation id) was deleted.');
  return lines;
}

function reset(p: Prepared): string[] {
  const { previous, next } = resetInstallationId(p.config.paths.stateDir);
  return [
    `New installation id: ${next}`,
    previous != null
      ? `Previous installation id: ${previous}. To have the data sent under it deleted, send this id to the maintainers of ${p.config.toolName}.`
      : 'There was no previous installation id.',
  ];
}

function show(p: Prepared, json: boolean): string[] {
  const dir = p.config.paths.stateDir;
  const entries = readSentLog(dir);
  if (json) return entries.map((e) => JSON.stringify(e.body));
  const rendered = renderSentLog(entries);
  return [
    `Installation id: ${readInstallationId(dir) ?? '(none yet)'}`,
    rendered.length > 0
      ? `What ${p.config.toolName} sent from this machine, oldest first (the last ${rendered.length}; kept in ${sentLogFile(dir)}):`
      : `Nothing has been sent by ${p.config.toolName} from this machine (or the log was cleared).`,
    ...rendered,
  ];
}

/** Runs one action of the `telemetry` subcommand (called by the gate). Never throws; returns lines for stdout. */
export function runTelemetryCommandNow(action: TelemetryAction, options: TelemetryOptions, command: TelemetryCommandOptions = {}): TelemetryCommandResult {
  try {
    const p = prepare(options);
    switch (action) {
      case 'status': return { lines: status(p), exitCode: 0 };
      case 'enable': return { lines: choose(p, options, 'enabled', command.all === true), exitCode: 0 };
      case 'disable': return { lines: choose(p, options, 'disabled', command.all === true), exitCode: 0 };
      case 'reset': return { lines: reset(p), exitCode: 0 };
      case 'show': return { lines: show(p, command.json === true), exitCode: 0 };
      default: return { lines: [`clitel: unknown telemetry action (expected status, enable, disable, reset or show)`], exitCode: 2 };
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    const why = typeof code === 'string' && /^[A-Z0-9_]+$/.test(code) ? code : errorType(error);
    return { lines: [`clitel: could not ${action} telemetry (${why}); nothing was changed`], exitCode: 1 };
  }
}
