// SPDX-License-Identifier: Apache-2.0
// The plain-words output of `clitel doctor`: the span the run makes (decoded from the OTLP/JSON
// body core wrote, with the same decoder `clitel dev` stores from), the verdict, and the tool's
// own output with clitel's debug lines taken out (the report says what they said).
import type { DoctorReport } from '@clitel/core/internal';
import { decodeTraceRequestJson } from '../otlp/decode-json.js';
import type { SpanRow } from '../otlp/span-row.js';
import { terminalText } from '../safe-text.js';
import type { Style } from '../style.js';
import type { Verdict } from './diagnose.js';

/** Lines shown per output stream of the tool; earlier ones are counted, not shown. */
const TOOL_LINES = 40;

function table(entries: [string, string][], indent: string): string[] {
  const width = Math.max(0, ...entries.map(([k]) => k.length));
  return entries.map(([k, v]) => `${indent}${terminalText(k).padEnd(width)}  ${terminalText(v)}`);
}

function spanLines(row: SpanRow, style: Style): string[] {
  const events = row.events.map((e) => e.name).join(', ');
  return [
    `  ${style.bold(terminalText(row.spanName))}  ${style.dim(`(${row.spanKind}, status ${row.statusCode}, ${(Number(row.durationNs / 1000n) / 1000).toFixed(0)} ms)`)}`,
    '  span attributes:',
    ...table(Object.entries(row.spanAttributes), '    '),
    '  resource:',
    ...table(Object.entries(row.resourceAttributes), '    '),
    ...(events !== '' ? [`  events: ${terminalText(events)}`] : []),
  ];
}

/** The span (or spans) in a report's body, as lines; a body that does not decode is said so. */
function renderBody(body: string, style: Style): string[] {
  try {
    return decodeTraceRequestJson(body).flatMap((row) => spanLines(row, style));
  } catch (error) {
    return [`  (the body could not be read as OTLP/JSON: ${(error as Error).message})`];
  }
}

/** The verdict and what backs it, for stdout. */
export function renderVerdict(report: DoctorReport | undefined, verdict: Verdict, style: Style): string {
  const lines: string[] = [];
  const name = report != null ? `${terminalText(report.tool)} ${terminalText(report.toolVersion)}` : 'this run';
  if (verdict.wouldSend) lines.push(`${style.green('Would send')} one span from ${name}:`);
  else lines.push(`${style.red('Nothing would be sent')} from ${name}.`);
  if (verdict.wouldSend) lines.push(...(report?.body != null ? renderBody(report.body, style) : []), '', `When: ${terminalText(verdict.reason)}.`);
  else lines.push(`Why: ${terminalText(verdict.reason)}.`);
  if (verdict.hint != null) lines.push(`${style.dim('Next:')} ${terminalText(verdict.hint)}.`);
  if (!verdict.wouldSend && report?.body != null) lines.push('', 'The span this run makes (not sent):', ...renderBody(report.body, style));
  if (verdict.warnings.length > 0) lines.push('', style.yellow('Warnings:'), ...verdict.warnings.map((w) => `  ${terminalText(w)}`));
  return `${lines.join('\n')}\n`;
}

function tail(text: string, drop: (line: string) => boolean): string[] {
  const lines = text.split('\n').filter((line) => !drop(line));
  while (lines.length > 0 && lines.at(-1)?.trim() === '') lines.pop();
  if (lines.length <= TOOL_LINES) return lines;
  return [`(${lines.length - TOOL_LINES} earlier lines not shown)`, ...lines.slice(-TOOL_LINES)];
}

/** The tool's exit and output, indented under a heading, for stderr. */
export function renderToolOutput(run: { command: string; exitCode: number | undefined; signal: string | undefined; stdout: string; stderr: string }, body: string | undefined, style: Style): string {
  const clitelLine = (line: string): boolean => line.startsWith('clitel: ') || (body != null && line.trim() === body.trim());
  const ended = run.exitCode != null ? `exit code ${run.exitCode}` : `stopped by ${run.signal ?? 'a signal'}`;
  const out = tail(run.stdout, () => false);
  const err = tail(run.stderr, clitelLine);
  const lines = [style.dim(`Ran ${run.command} in doctor mode (CLITEL_DEBUG=1; nothing is sent or written): ${ended}`)];
  if (out.length > 0) lines.push(style.dim('  stdout:'), ...out.map((l) => `    ${l}`));
  if (err.length > 0) lines.push(style.dim('  stderr:'), ...err.map((l) => `    ${l}`));
  return `${lines.join('\n')}\n\n`;
}
