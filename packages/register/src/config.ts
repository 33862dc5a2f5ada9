// SPDX-License-Identifier: Apache-2.0
// The maintainer's configuration for a tool that is not changed: clitel.config.json beside its
// package.json, or a "clitel" key in it.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Schema, type TelemetryMode } from '@clitel/core';
import { toolNameOrUndefined } from '@clitel/core/internal';
import type { PackageJson } from './tool.js';

/** What clitel.config.json (or package.json's "clitel" key) may hold. */
export interface RegisterConfig {
  /** The tool's name; default: the commander program's own name, else `schema.tool`, else the bin name. */
  toolName?: string;
  /** The tool's version; default: the version of the package that owns the bin. */
  toolVersion?: string;
  /** The allowlist, inline or as a path relative to the package root. */
  schema?: Schema;
  /** Default OTLP/HTTP base URL. */
  endpoint?: string;
  /** Consent mode. */
  mode?: TelemetryMode;
  /** Where users read what is collected. */
  docsUrl?: string;
  /**
   * Answer `<tool> telemetry status|enable|disable|reset|show` before the tool runs. Default
   * `false` (the tool's argv is its own); opt-in tools need it, as it is how users enable them.
   */
  telemetryCommand?: boolean;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

function fromFile(root: string): unknown {
  try {
    return readJson(join(root, 'clitel.config.json'));
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Reads the tool's clitel configuration; throws on a file that exists but is not valid JSON. */
export function readRegisterConfig(root: string, pkg: PackageJson): RegisterConfig {
  const raw = fromFile(root) ?? pkg.clitel;
  if (raw == null || typeof raw !== 'object') return {};
  const r = raw as Record<string, unknown>;
  const config: RegisterConfig = {};
  if (typeof r.schema === 'string') config.schema = readJson(resolve(root, r.schema)) as Schema;
  else if (r.schema != null && typeof r.schema === 'object') config.schema = r.schema as Schema;
  const toolName = toolNameOrUndefined(r.toolName);
  if (toolName != null) config.toolName = toolName;
  if (typeof r.toolVersion === 'string' && r.toolVersion !== '') config.toolVersion = r.toolVersion;
  if (typeof r.endpoint === 'string') config.endpoint = r.endpoint;
  if (r.mode === 'opt-in' || r.mode === 'opt-out') config.mode = r.mode;
  if (typeof r.docsUrl === 'string') config.docsUrl = r.docsUrl;
  if (typeof r.telemetryCommand === 'boolean') config.telemetryCommand = r.telemetryCommand;
  return config;
}
