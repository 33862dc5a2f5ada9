// SPDX-License-Identifier: Apache-2.0
// Building the span of a run from what survived the schema. Nothing unfiltered gets in here.
import { randomHex } from '../shared/ids.js';
import type { TelemetryLevel } from '../shared/types.js';
import type { AttributeValue, RecordEvent, RunRecord } from '../shared/internal-types.js';
import type { FilteredRun } from './schema.js';
import * as A from '../shared/attributes.js';
import * as S from '../shared/semconv.js';

/** What the run collected while it went. */
export interface RunFacts {
  toolName: string;
  start: number;
  end: number;
  exitCode: number;
  filtered: FilteredRun;
  errorType: string | undefined;
  stack: string | undefined;
  events: RecordEvent[];
  level: TelemetryLevel;
  sampleRate: number;
  runId: string;
}

/** The span name: `<tool> <command path>`, or the tool name for the root command. */
export function spanName(toolName: string, command: string): string {
  return command === '' ? toolName : `${toolName} ${command}`;
}

/** Builds the spool record of a finished run. */
export function buildRecord(facts: RunFacts, resource: Record<string, AttributeValue>): RunRecord {
  const failed = facts.exitCode !== 0;
  const full = facts.level === 'full';
  const attributes: Record<string, AttributeValue> = {
    [S.ATTR_PROCESS_EXECUTABLE_NAME]: facts.toolName,
    [S.ATTR_PROCESS_EXIT_CODE]: facts.exitCode,
    [A.ATTR_CLITEL_COMMAND]: facts.filtered.command,
  };
  if (failed) attributes[S.ATTR_ERROR_TYPE] = facts.errorType ?? String(facts.exitCode);
  if (facts.sampleRate !== 1) attributes[A.ATTR_CLITEL_SAMPLE_RATE] = facts.sampleRate;
  if (full) {
    attributes[A.ATTR_CLITEL_RUN_ID] = facts.runId;
    if (facts.filtered.options.length > 0) attributes[A.ATTR_CLITEL_OPTIONS] = facts.filtered.options;
    for (const [name, value] of Object.entries(facts.filtered.values)) attributes[`${A.ATTR_CLITEL_OPTION_PREFIX}${name}`] = value;
  }
  const events: RecordEvent[] = full ? [...facts.events] : [];
  if (full && failed && facts.stack != null && facts.errorType != null) {
    const at = events.length > 0 && events[events.length - 1].name === A.EVENT_END ? events.length - 1 : events.length;
    events.splice(at, 0, { name: S.EVENT_EXCEPTION, time: facts.end, attributes: { [A.ATTR_CLITEL_RUN_ID]: facts.runId, [S.ATTR_EXCEPTION_TYPE]: facts.errorType, [S.ATTR_EXCEPTION_STACKTRACE]: facts.stack } });
  }
  return {
    v: 1,
    resource,
    traceId: randomHex(16),
    spanId: randomHex(8),
    name: spanName(facts.toolName, facts.filtered.command),
    start: facts.start,
    end: Math.max(facts.end, facts.start),
    status: failed ? S.STATUS_CODE_ERROR : S.STATUS_CODE_UNSET,
    attributes,
    events,
  };
}
