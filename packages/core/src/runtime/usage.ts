// SPDX-License-Identifier: Apache-2.0
// Usage counters for libraries: the library counts calls in memory; at process exit core asks for
// the totals once and spools them as one metrics record, under the same consent rules as runs.
import type { UsageOptions, UsagePoint } from '../shared/types.js';
import type { MetricPoint, MetricsRecord } from '../shared/internal-types.js';
import type { Prepared } from '../shared/prepare.js';
import { debugLine } from '../shared/output.js';
import { NOOP_USAGE, type UsageHandle } from '../shared/noop.js';
import { admit } from './admit.js';
import { deliver } from './deliver.js';
import { buildResource } from './resource.js';
import { currentPlatform } from '../shared/platform.js';
import { randomHex } from '../shared/ids.js';
import { watchProcess } from './lifecycle.js';
import { errorType } from '../shared/scrub.js';
import { ATTR_CLITEL_FUNCTION, SCOPE_NAME } from '../shared/attributes.js';
import { nowMillis } from '../shared/clock.js';
import { METRIC_MODULE_LOADS } from '../shared/usage-names.js';
import { CLITEL_VERSION } from '../shared/version.js';

const METRIC_NAME = /^[a-z][a-z0-9_.]{0,63}$/;
const LABEL = /^[A-Za-z0-9_.:<>-]{1,64}$/;

/** Keeps well-formed points and allowed attributes with short label values only. */
function filterPoints(points: readonly UsagePoint[], allowed: readonly string[]): MetricPoint[] {
  const keys = new Set([ATTR_CLITEL_FUNCTION, ...allowed]);
  const out: MetricPoint[] = [];
  for (const p of points) {
    if (!METRIC_NAME.test(p.name) || !Number.isFinite(p.value) || p.value < 0) continue;
    const attributes: MetricPoint['attributes'] = {};
    for (const [k, v] of Object.entries(p.attributes ?? {})) {
      if (keys.has(k) && (typeof v !== 'string' || LABEL.test(v))) attributes[k] = v;
    }
    out.push({ name: p.name, value: p.value, attributes });
  }
  return out;
}

/** Starts counting for a module whose consent is already given (called by the gate). Never throws. */
export function startAdmittedUsage(p: Prepared, options: UsageOptions, collect: () => readonly UsagePoint[]): UsageHandle {
  try {
    const installationId = admit(p, 'metrics');
    if (installationId == null) return NOOP_USAGE;
    const start = nowMillis();
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      detach();
      try {
        const points = [{ name: METRIC_MODULE_LOADS, value: 1 }, ...collect()];
        const record: MetricsRecord = {
          v: 1,
          kind: 'metrics',
          resource: buildResource(p.config, { installationId: installationId || undefined, sessionId: randomHex(8) }, currentPlatform(), options.entryPath),
          scope: { name: SCOPE_NAME, version: CLITEL_VERSION },
          start,
          end: nowMillis(),
          points: filterPoints(points, options.allowedAttributes ?? []),
        };
        deliver(p, record);
      } catch (e) {
        debugLine(p, `could not record usage (${errorType(e)}); nothing was sent`);
      }
    };
    const detach = watchProcess(finish, () => undefined);
    return { recording: true, stop: () => { done = true; detach(); } };
  } catch {
    return NOOP_USAGE;
  }
}
