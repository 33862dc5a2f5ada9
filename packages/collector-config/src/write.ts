// SPDX-License-Identifier: Apache-2.0
// writeCollectorConfig: generates and writes the files into a directory.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Schema } from '@clitel/core';
import type { CollectorConfigOptions } from './types.js';
import { generateCollectorConfig } from './generate.js';

/** Generates the collector configuration and writes it into `outDir` (created if missing); returns the written paths. */
export function writeCollectorConfig(schema: Schema, outDir: string, options?: CollectorConfigOptions): string[] {
  const files = generateCollectorConfig(schema, options);
  mkdirSync(outDir, { recursive: true });
  return Object.entries(files).map(([name, text]) => {
    const path = join(outDir, name);
    writeFileSync(path, text);
    return path;
  });
}
