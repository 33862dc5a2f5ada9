// SPDX-License-Identifier: Apache-2.0
// One run of a command: consent once, collect while it goes, record once when it ends.
import type { TelemetryOptions } from '../shared/types.js';
import type { Prepared } from '../shared/prepare.js';
import { debugLine } from '../shared/output.js';
import { NOOP_RUN, type AdapterRun } from '../shared/noop.js';
import { admit } from './admit.js';
import { deliver } from './deliver.js';
import { filterRun, mergeDeclared } from '../shared/schema.js';
import { errorType, scrubStack } from '../shared/scrub.js';
import { buildRecord } from './record.js';
import { randomHex } from '../shared/ids.js';
import { buildResource } from './resource.js';
import { currentPlatform } from '../shared/platform.js';
import { watchProcess } from './lifecycle.js';
import { findPackageRoot } from '../shared/package-root.js';
import { createEventLog } from './events.js';
import { nowMillis, processStartMillis } from '../shared/clock.js';
import { onModuleLoad } from '../shared/module-registry.js';

/** Starts a run whose consent is already given (called by the gate). Never throws. */
export function startAdmittedRun(p: Prepared, options: TelemetryOptions): AdapterRun {
  try {
    const installationId = admit(p, 'traces');
    return installationId == null ? NOOP_RUN : createRun(p, installationId, options.entryPath);
  } catch {
    return NOOP_RUN;
  }
}

function createRun(p: Prepared, installationId: string, entryPath: string | undefined): AdapterRun {
  const { config } = p;
  const start = processStartMillis();
  let schema = config.schema;
  let path: readonly string[] = [];
  let used: Readonly<Record<string, unknown>> = {};
  let error: unknown;
  let hasError = false;
  const runId = randomHex(16);
  const events = createEventLog(runId, nowMillis);
  events.start();
  const stopListening = onModuleLoad((name, version) => events.moduleLoad(schema, name, version));
  let done = false;
  let detach = (): void => undefined;

  const finish = (exitCode: number): void => {
    if (done) return;
    done = true;
    detach();
    stopListening();
    events.end();
    try {
      const record = buildRecord({
        toolName: config.toolName,
        start,
        end: nowMillis(),
        exitCode,
        filtered: filterRun(schema, path, used),
        errorType: hasError ? errorType(error) : undefined,
        stack: hasError ? scrubStack(error, entryPath != null ? findPackageRoot(entryPath) : undefined) : undefined,
        events: events.list(),
        level: config.level,
        sampleRate: config.sampleRate,
        runId,
      }, buildResource(config, { installationId: installationId || undefined, sessionId: randomHex(8) }, currentPlatform(), entryPath));
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
    stage: (name) => events.progress(schema, name),
    cancel: () => { done = true; detach(); stopListening(); },
    end: finish,
    declare: (declared) => { schema = mergeDeclared(config.schema, declared); },
  };
}

