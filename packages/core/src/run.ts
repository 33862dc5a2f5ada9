// SPDX-License-Identifier: Apache-2.0
// One run of a command: consent once, collect while it goes, record once when it ends.
import type { Run, TelemetryOptions } from './types.js';
import type { RecordEvent } from './internal-types.js';
import { prepare, debugLine, type Prepared } from './prepare.js';
import { admit, deliver } from './deliver.js';
import { filterRun, mergeDeclared, type DeclaredCommands } from './schema.js';
import { errorType, scrubStack } from './scrub.js';
import { buildRecord, randomHex } from './record.js';
import { buildResource, currentPlatform } from './context.js';
import { watchProcess } from './lifecycle.js';
import { findPackageRoot } from './package-root.js';

/** A run handle for adapters: also takes the command tree read from the program. */
export interface AdapterRun extends Run {
  /** Allows the command paths and option names the adapter read from the program definition. */
  declare(declared: DeclaredCommands): void;
}

const NOOP: AdapterRun = Object.freeze({
  recording: false,
  setCommand: () => undefined,
  setOptions: () => undefined,
  recordError: () => undefined,
  stage: () => undefined,
  cancel: () => undefined,
  end: () => undefined,
  declare: () => undefined,
});

/** A run that records nothing. */
export function noopRun(): AdapterRun {
  return NOOP;
}

/**
 * Starts recording this process's run. Call once, at start-up. Consent is decided here; when
 * telemetry is off nothing more is loaded or written and a no-op handle is returned. Never throws.
 */
export function startRun(options: TelemetryOptions): AdapterRun {
  try {
    const prepared = prepare(options);
    const installationId = admit(prepared);
    return installationId == null ? NOOP : createRun(prepared, installationId, options.entryPath);
  } catch {
    return NOOP;
  }
}

function createRun(p: Prepared, installationId: string, entryPath: string | undefined): AdapterRun {
  const { config } = p;
  const start = performance.timeOrigin;
  let schema = config.schema;
  let path: readonly string[] = [];
  let used: Readonly<Record<string, unknown>> = {};
  let error: unknown;
  let hasError = false;
  const stages: RecordEvent[] = [];
  let done = false;
  let detach = (): void => undefined;

  const finish = (exitCode: number): void => {
    if (done) return;
    done = true;
    detach();
    try {
      const record = buildRecord({
        toolName: config.toolName,
        start,
        end: performance.timeOrigin + performance.now(),
        exitCode,
        filtered: filterRun(schema, path, used),
        errorType: hasError ? errorType(error) : undefined,
        stack: hasError ? scrubStack(error, entryPath != null ? findPackageRoot(entryPath) : undefined) : undefined,
        stages,
        level: config.level,
        sampleRate: config.sampleRate,
        runId: randomHex(16),
      }, buildResource(config, { installationId: installationId || undefined, sessionId: randomHex(8) }, p.env, currentPlatform(), entryPath));
      deliver(p, record);
    } catch (e) {
      debugLine(p, `could not record the run (${errorType(e)}); nothing was sent`);
    }
  };
  detach = watchProcess(finish, (e) => {
    if (!hasError) {
      error = e;
      hasError = true;
    }
  });
  return {
    recording: true,
    setCommand: (next) => { path = [...next]; },
    setOptions: (next) => { used = { ...next }; },
    recordError: (e) => { error = e; hasError = true; },
    stage: (name) => {
      if (stages.length < 32 && (schema.stages ?? []).includes(name)) stages.push({ name, time: performance.timeOrigin + performance.now(), attributes: {} });
    },
    cancel: () => { done = true; detach(); },
    end: finish,
    declare: (declared) => { schema = mergeDeclared(config.schema, declared); },
  };
}

