// SPDX-License-Identifier: Apache-2.0
// The two generated-file steps of `clitel check`: the committed collector config and data
// dictionary must be exactly what the generators make from the schema file now.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { Schema } from '@clitel/core';
import { generateCollectorConfig } from '@clitel/collector-config';
import { renderDataDictionary } from '../docs/data-dictionary.js';

const shown = (cwd: string, path: string): string => relative(cwd, path).split(sep).join('/');

/** Problems of a committed collector-config directory (empty when it is current). */
export function checkCollectorDir(schema: Schema, schemaPath: string, dir: string, cwd: string): string[] {
  const files = generateCollectorConfig(schema, { schemaFileName: basename(schemaPath) });
  const problems: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    if (!existsSync(path)) problems.push(`missing: ${shown(cwd, path)}`);
    else if (readFileSync(path, 'utf8') !== text) problems.push(`stale: ${shown(cwd, path)}`);
  }
  const extra = existsSync(dir) ? readdirSync(dir).filter((name) => !Object.hasOwn(files, name)) : [];
  for (const name of extra) problems.push(`not generated (remove it): ${shown(cwd, join(dir, name))}`);
  return problems;
}

/** Problems of a committed data dictionary (empty when it is current). */
export function checkDataDictionary(schema: Schema, schemaDisplay: string, file: string, cwd: string, contact: string | undefined): string[] {
  const text = renderDataDictionary(schema, { source: schemaDisplay, ...(contact != null ? { contact } : {}) });
  if (!existsSync(file)) return [`missing: ${shown(cwd, file)}`];
  return readFileSync(file, 'utf8') === text ? [] : [`stale: ${shown(cwd, file)}`];
}
