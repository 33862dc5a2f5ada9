// SPDX-License-Identifier: Apache-2.0
// `clitel collector-config --schema <file> --out <dir>`: the OpenTelemetry Collector configuration
// generated from the schema (the generator is @clitel/collector-config).
import { resolve } from 'node:path';
import type { Command } from '../context.js';
import { booleanFlag, integerFlag, parseCommandArgs, stringFlag } from '../args.js';
import { CliError } from '../cli-error.js';
import { writeCollectorConfig, type CollectorConfigOptions } from '@clitel/collector-config';
import { loadSchemaFile } from './schema-file.js';
import { writeJson } from './shared.js';

export const COLLECTOR_CONFIG_HELP = `Usage: clitel collector-config --schema <file> --out <dir> [--retention-days 30] [--max-request-mib 4]
                               [--memory-limit-mib 400] [--max-value-bytes 256] [--max-event-value-bytes 4096]

Generates the collector gateway configuration from the schema: the redaction allow list, limits,
and the exporters (ClickHouse, OTLP, file, Prometheus), with a README explaining each file.`;

const NUMBERS = {
  'retention-days': 'retentionDays',
  'max-request-mib': 'maxRequestMib',
  'memory-limit-mib': 'memoryLimitMib',
  'max-value-bytes': 'maxValueBytes',
  'max-event-value-bytes': 'maxEventValueBytes',
} as const;

export const collectorConfig: Command = async (context) => {
  const parsed = parseCommandArgs('collector-config', context.args, {
    schema: { type: 'string' }, out: { type: 'string' },
    ...Object.fromEntries(Object.keys(NUMBERS).map((k) => [k, { type: 'string' as const }])),
  });
  const file = loadSchemaFile(context, stringFlag(parsed, 'schema'), 'collector-config');
  const out = stringFlag(parsed, 'out');
  if (out == null) throw new CliError('clitel.cli.usage', 'collector-config: --out <dir> is required');
  const options: CollectorConfigOptions = { schemaFileName: file.display.split('/').pop() ?? 'telemetry.schema.json' };
  for (const [flag, key] of Object.entries(NUMBERS)) {
    if (stringFlag(parsed, flag) != null) options[key] = integerFlag(parsed, flag, 0, 'collector-config');
  }
  let files: string[];
  try {
    files = writeCollectorConfig(file.schema, resolve(context.cwd, out), options);
  } catch (error) {
    if ((error as { code?: string }).code === 'clitel.collector.invalid-option') {
      throw new CliError('clitel.cli.usage', `collector-config: ${(error as Error).message.replace(/^clitel: /, '')}`);
    }
    throw error;
  }
  if (booleanFlag(parsed, 'json')) writeJson(context, { out: resolve(context.cwd, out), files });
  else context.stdout.write(`Wrote ${files.length} files to ${resolve(context.cwd, out)}:\n${files.map((f) => `  ${f}`).join('\n')}\n`);
  return 0;
};
