// SPDX-License-Identifier: Apache-2.0
import type { ResolvedConfig } from '../shared/config.js';

/** What is collected, in two lines: the notice's start, and what `telemetry enable` confirms. */
export function collectedLines(config: ResolvedConfig): string[] {
  return [
    `${config.toolName} collects anonymous usage data to improve the tool: the command name, the names of options you use`,
    '(never their values, file names or paths), the exit code, duration, and your OS, CPU architecture and Node.js version.',
  ];
}

/** The first-run notice: what is collected, how to opt out, where the docs are. */
export function noticeText(config: ResolvedConfig): string {
  const lines = [
    ...collectedLines(config),
    `Turn it off with: ${config.telemetryCommand ? `${config.toolName} telemetry disable, or ` : ''}${config.optOutVar}=1, or DO_NOT_TRACK=1.`,
  ];
  if (config.docsUrl != null) lines.push(`Learn more: ${config.docsUrl}`);
  lines.push('Nothing was sent for this run.');
  return `${lines.join('\n')}\n`;
}
