// SPDX-License-Identifier: Apache-2.0
// Building the span of a run from what survived the schema. Nothing unfiltered gets in here.
import { randomHex } from '../shared/ids.js';
import type { TelemetryLevel } from '../shared/types.js';
import type { AttributeValue, RecordEvent, RunRecord } from '../shared/internal-types.js';
import type { FilteredRun } from '../shared/schema.js';
import * as A from '../shared/attributes.js';
import * as S from '../shared/semconv.js';
import { keepAllowed, type RunEventName } from '../shared/attribute-table.js';

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
function spanName(toolName: string, command: string): string {
  return command === '' ? toolName : `${toolName} ${command}`;
}

/** Builds the spool record of a finished run: every key it can, then only what the attribute table keeps at the run's level. */
export function buildRecord(facts: RunFacts, resource: Record<string, AttributeValue>): RunRecord {
  const failed = facts.exitCode !== 0;
  const candidates: Record<string, AttributeValue> = {
    [S.ATTR_PROCESS_EXECUTABLE_NAME]: facts.toolName,
    [S.ATTR_PROCESS_EXIT_CODE]: facts.exitCode,
    [A.ATTR_CLITEL_COMMAND]: facts.filtered.command,
  };
  if (failed) candidates[S.ATTR_ERROR_TYPE] = facts.errorType ?? String(facts.exitCode);
  if (facts.sampleRate !== 1) candidates[A.ATTR_CLITEL_SAMPLE_RATE] = facts.sampleRate;
  candidates[A.ATTR_CLITEL_RUN_ID] = facts.runId;
  if (facts.filtered.options.length > 0) candidates[A.ATTR_CLITEL_OPTIONS] = facts.filtered.options;
  for (const [name, value] of Object.entries(facts.filtered.values)) candidates[`${A.ATTR_CLITEL_OPTION_PREFIX}${name}`] = value;
  const attributes = keepAllowed('span', facts.level, candidates);
  // Events are detail: a minimal run sends none.
  const events: RecordEvent[] = facts.level === 'full' ? [...facts.events] : [];
  if (facts.level === 'full' && failed && facts.stack != null && facts.errorType != null) {
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
    events: events.map((e) => ({ ...e, attributes: keepAllowed(`event:${e.name as RunEventName}`, facts.level, e.attributes) })),
  };
}
