// SPDX-License-Identifier: Apache-2.0
// What each span event of a run means, for the data dictionary. describeSchema() lists the events
// and their attributes but carries no description of when each is recorded, so the wording lives
// here, keyed by event name.
import { EVENT_END, EVENT_EXCEPTION, EVENT_MODULE_LOAD, EVENT_PROGRESS, EVENT_START } from '@clitel/core/internal';

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  [EVENT_START]: 'the run began (one per run)',
  [EVENT_PROGRESS]: 'the command reported reaching one of the stages the tool declares in its schema',
  [EVENT_MODULE_LOAD]: 'a module the tool names in its schema (such as a plugin) was loaded during the run, with its version',
  [EVENT_EXCEPTION]: 'the command threw an error (its type and scrubbed stack frames, never its message)',
  [EVENT_END]: 'the run ended (one per run; its exit code is on the span)',
};

/** When the event named `name` is recorded, as a clause for the data dictionary's "when" column. */
export function describeEvent(name: string): string {
  return DESCRIPTIONS[name] ?? 'recorded during the run';
}

/** Whether `name` has its own description (the generator's test checks every event core can emit). */
export function hasEventDescription(name: string): boolean {
  return Object.hasOwn(DESCRIPTIONS, name);
}
