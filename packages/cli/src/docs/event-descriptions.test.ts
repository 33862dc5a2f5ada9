// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import type { Schema } from '@clitel/core';
import { describeSchema } from '@clitel/core/describe';
import { describeEvent, hasEventDescription } from './event-descriptions.js';
import { renderDataDictionary } from './data-dictionary.js';

const SCHEMA: Schema = { tool: 'acme', commands: { '': {}, deploy: {} }, stages: ['build', 'upload'], modules: ['acme-plugin-s3'] };

describe('event descriptions', () => {
  it('gives every event core can emit its own description', () => {
    const names = describeSchema(SCHEMA).events.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['start', 'progress', 'module-load', 'exception', 'end']));
    for (const name of names) expect(hasEventDescription(name), name).toBe(true);
    expect(new Set(names.map(describeEvent)).size).toBe(names.length);
  });

  it('puts each description in the data dictionary row of its event', () => {
    const text = renderDataDictionary(SCHEMA, { source: 'telemetry.schema.json' });
    for (const { name } of describeSchema(SCHEMA).events) expect(text).toContain(`| \`${name}\` |`);
    expect(text).toMatch(/\| `start` \| `clitel\.run\.id` \| the run began/);
    expect(text).toMatch(/\| `module-load` \| [^|]+ \| a module the tool names/);
    expect(text).not.toContain('the command reached this stage');
  });
});
