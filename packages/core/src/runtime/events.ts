// SPDX-License-Identifier: Apache-2.0
// The events of one run: `start`, `progress` (a stage from the schema), `module-load` (a module
// the schema names), `end`, each carrying the run id. Bounded, and names come only from the schema.
import type { Schema } from '../shared/types.js';
import type { RecordEvent } from '../shared/internal-types.js';
import { ATTR_CLITEL_MODULE_NAME, ATTR_CLITEL_MODULE_VERSION, ATTR_CLITEL_RUN_ID, ATTR_CLITEL_STAGE, EVENT_END, EVENT_MODULE_LOAD, EVENT_PROGRESS, EVENT_START } from '../shared/attributes.js';

const MAX_EVENTS = 64;
const VERSION = /^[0-9A-Za-z.+-]{1,32}$/;

/** Collects a run's events; everything not allowed by the schema is dropped silently. */
export function createEventLog(runId: string, now: () => number) {
  const events: RecordEvent[] = [];
  const add = (name: string, attributes: RecordEvent['attributes'] = {}): void => {
    if (events.length < MAX_EVENTS) events.push({ name, time: now(), attributes: { [ATTR_CLITEL_RUN_ID]: runId, ...attributes } });
  };
  return {
    start: (): void => add(EVENT_START),
    progress: (schema: Schema, stage: string): void => {
      if ((schema.stages ?? []).includes(stage)) add(EVENT_PROGRESS, { [ATTR_CLITEL_STAGE]: stage });
    },
    moduleLoad: (schema: Schema, name: string, version: string | undefined): void => {
      if (!(schema.modules ?? []).includes(name)) return;
      add(EVENT_MODULE_LOAD, { [ATTR_CLITEL_MODULE_NAME]: name, ...(version != null && VERSION.test(version) ? { [ATTR_CLITEL_MODULE_VERSION]: version } : {}) });
    },
    end: (): void => add(EVENT_END),
    list: (): RecordEvent[] => events,
  };
}
