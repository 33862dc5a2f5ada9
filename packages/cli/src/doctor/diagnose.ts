// SPDX-License-Identifier: Apache-2.0
// From a doctor report to a verdict: would this run be sent, and if not, the first reason why,
// in the order core decides (consent, notice, endpoint, sampling, delivery). Nothing is decided
// again here: each step reads the fact core wrote.
import type { DoctorReport } from '@clitel/core/internal';

/** The verdict's stable code. */
type DoctorCode =
  /** Sent at the end of this run (CI, due, or `CLITEL_SEND_NOW`). */
  | 'sends-now'
  /** Spooled; a later run sends it (the delivery delay). */
  | 'spooled'
  /** Spooled, but delivery is failing: no sender starts until the backoff ends. */
  | 'backing-off'
  | 'opted-out'
  | 'opt-in'
  | 'schema-invalid'
  | 'notice-not-shown'
  | 'no-endpoint'
  | 'sampled-out'
  /** The run wrote no report: clitel is not on this path (or its core predates doctor mode). */
  | 'no-clitel'
  /** The tool did not exit in time and was killed. */
  | 'timed-out'
  /** A report this doctor cannot read. */
  | 'unreadable-report';

/** What doctor concludes from one run. */
export interface Verdict {
  /** Whether this run's span would be sent (now, or by a later run). */
  wouldSend: boolean;
  code: DoctorCode;
  /** One sentence: why nothing would be sent, or how and when it would be. */
  reason: string;
  /** What to do about it, when something can be done. */
  hint: string | undefined;
  /** Findings that do not stop sending (a schema/tool mismatch, ignored env values). */
  warnings: string[];
}

/** `2026-12-03 18:05 UTC (in 10 min)`. */
function when(time: number, now: number): string {
  const minutes = Math.max(0, Math.ceil((time - now) / 60_000));
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC (in ${minutes} min)`;
}

const off = (code: DoctorCode, reason: string, hint: string | undefined, warnings: string[]): Verdict => ({ wouldSend: false, code, reason, hint, warnings });

function consentVerdict(r: DoctorReport, warnings: string[]): Verdict | undefined {
  const c = r.consent;
  if (c.enabled) return undefined;
  if (c.source === 'error') return off('schema-invalid', `telemetry is off: ${c.reason}`, 'fix the schema; assertValidSchema(schema) in a test catches this, and clitel check in CI', warnings);
  if (c.source === 'default') return off('opt-in', `telemetry is off: the tool is opt-in, and this user has not enabled it (${c.reason})`, `${r.tool} telemetry enable turns it on for this user`, warnings);
  const hint = c.source === 'tool-env' || c.source === 'OTEL_SDK_DISABLED' || c.source === 'DO_NOT_TRACK' || c.source === 'CLITEL_TELEMETRY_OPTOUT'
    ? `unset ${c.source === 'tool-env' ? r.optOutVar : c.source} to see what would be sent`
    : c.source === 'tool-config' ? `${r.tool} telemetry enable records the opposite choice` : 'remove the choice from that file, or enable the tool with its telemetry enable';
  return off('opted-out', `opted out: ${c.reason}`, hint, warnings);
}

function deliveryVerdict(r: DoctorReport, now: number, warnings: string[]): Verdict {
  const to = `to ${r.endpoint ?? ''}`;
  if (r.backingOff != null) {
    const until = r.backoffUntil != null ? `until ${when(r.backoffUntil, now)}` : 'for a while';
    return off('backing-off', `the last delivery ${to} failed (${r.backingOff}): this run is spooled, and no sender starts ${until}; the first run after that tries again`, 'check that the endpoint is reachable from this machine', warnings);
  }
  const send = (code: DoctorCode, reason: string, hint?: string): Verdict => ({ wouldSend: true, code, reason, hint, warnings });
  if (r.delivery === 'sync') return send('sends-now', `sent ${to} at the end of the run, as CI runs are (waiting at most 1 s)${r.ciProvider != null ? `; CI: ${r.ciProvider}` : ''}`);
  if (r.sendNow) return send('sends-now', `sent ${to} by a background sender started at the end of the run (CLITEL_SEND_NOW is set)`);
  if (r.due) return send('sends-now', `sent ${to} by a background sender started at the end of the run (${r.spooled} earlier runs are waiting with it)`);
  const runs = Math.max(1, r.sendAfterRuns - r.spooled - 1);
  const at = (r.oldestSpooledAt ?? now) + r.sendAfterMillis;
  return send(
    'spooled',
    `spooled, sent ${to} later: the delivery delay starts a sender when ${r.sendAfterRuns} runs are waiting or the oldest has waited ${r.sendAfterMillis / 60_000} min, so by the ${ordinal(runs)} run from now or the first run after ${when(at, now)}, whichever comes first (${r.spooled} earlier runs are waiting)`,
    'CLITEL_SEND_NOW=1 sends every run at once',
  );
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** The verdict on a run's report; `now` is when the run ended. */
export function diagnose(r: DoctorReport, now: number): Verdict {
  const warnings = [...(r.toolMismatch != null ? [r.toolMismatch] : []), ...r.warnings.map((w) => w.replace(/^clitel: /, ''))];
  const consent = consentVerdict(r, warnings);
  if (consent != null) return consent;
  if (!r.noticeShown) {
    return off('notice-not-shown', `the first-run notice has not been shown on this machine yet: the next run of ${r.tool} shows it on stderr and sends nothing; the runs after it are sent`, `run ${r.tool} once`, warnings);
  }
  if (r.endpoint == null) {
    return off('no-endpoint', 'no endpoint is set, so nothing is spooled or sent', "set OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT), or give the tool an endpoint in its clitel options", warnings);
  }
  if (r.sampled === false) {
    return off('sampled-out', `this installation is outside the sample: the schema's sampleRate is ${r.sampleRate}, and this installation id falls outside it, so none of its runs are sent`, `${r.tool} telemetry reset draws a new installation id`, warnings);
  }
  if (r.sampled == null && r.sampleRate < 1) warnings.push(`no installation id yet, so whether this installation is in the sample (rate ${r.sampleRate}) is decided on its next run`);
  return deliveryVerdict(r, now, warnings);
}

/** The verdict when the run wrote no report. */
export function diagnoseMissing(run: { timedOut: boolean; timeoutMs: number; stderr: string; error: string | undefined }): Verdict {
  if (run.error != null) return off('no-clitel', `the tool could not be started (${run.error})`, undefined, []);
  if (run.timedOut) return off('timed-out', `the tool did not exit within ${run.timeoutMs / 1000} s and was killed; clitel writes its report at exit`, 'give it arguments that finish, or a longer --timeout', []);
  const debugLines = run.stderr.split('\n').some((line) => line.startsWith('clitel: '));
  return debugLines
    ? off('no-clitel', 'no clitel report in this run: clitel printed debug lines, but its @clitel/core predates doctor mode', 'update @clitel/core', [])
    : off('no-clitel', 'no clitel in this run: the tool does not start clitel on this path (no adapter, or a command that exits before it)', 'run a command that the adapter instruments, or the entry with --register', []);
}
