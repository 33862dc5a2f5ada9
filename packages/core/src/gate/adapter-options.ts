// SPDX-License-Identifier: Apache-2.0
// The options every adapter takes, and the one function that turns them into core's options.
import type { TelemetryOptions } from '../shared/types.js';
import { resolveToolIdentity, type ToolIdentity } from './tool-identity.js';
import { resolveEnv } from '../shared/env.js';

/**
 * What a maintainer passes to an adapter's `instrument()`: every `TelemetryOptions` field, with
 * the tool's name and version found from the program when left out.
 */
export interface AdapterOptions extends Omit<TelemetryOptions, 'toolName'> {
  /** The tool's name. Default: the framework's name for the program, else `schema.tool`, else the bin of the package that owns the entry script. */
  toolName?: string;
}

/**
 * Core's options for an adapter's tool: the maintainer's options, the tool's identity settled
 * (explicit, the framework's, the schema's, the owning package's) and the process's env and
 * entry script read once, here. A tool whose name cannot be found is called `cli`.
 */
export function adapterTelemetry(options: AdapterOptions, framework: Partial<ToolIdentity> = {}): TelemetryOptions {
  const entryPath = options.entryPath ?? process.argv[1];
  const identity = resolveToolIdentity({
    explicit: { name: options.toolName, version: options.toolVersion },
    framework,
    schemaTool: options.schema?.tool,
    entryPath,
  });
  return {
    ...options,
    toolName: identity.name ?? FALLBACK_TOOL_NAME,
    toolVersion: identity.version,
    env: resolveEnv(options),
    entryPath,
  };
}

/** The name of a tool none of the sources names. */
const FALLBACK_TOOL_NAME = 'cli';
