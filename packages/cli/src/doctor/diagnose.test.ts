// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import type { DoctorReport } from '@clitel/core/internal';
import { diagnose, diagnoseMissing } from './diagnose.js';

const NOW = Date.UTC(2026, 11, 3, 18, 0, 0);
const base: DoctorReport = {
  v: 1, tool: 'acme', toolVersion: '1.0.0', schemaTool: 'acme', toolMismatch: undefined, schemaProblems: [],
  consent: { enabled: true, source: 'default', reason: 'on by default (opt-out)' }, optOutVar: 'ACME_TELEMETRY_OPTOUT',
  endpoint: 'http://127.0.0.1:4318/v1/traces', noticeShown: true, sampleRate: 1, sampled: true, delivery: 'background',
  ci: false, ciProvider: undefined, sendNow: false, spooled: 0, oldestSpooledAt: undefined, due: false,
  sendAfterRuns: 20, sendAfterMillis: 600_000, backingOff: undefined, backoffUntil: undefined, warnings: [], body: '{}',
};

describe('diagnose', () => {
  it('names the first blocking reason in core order: consent, notice, endpoint, sampling', () => {
    const all = { ...base, noticeShown: false, endpoint: undefined, sampled: false };
    expect(diagnose({ ...all, consent: { enabled: false, source: 'DO_NOT_TRACK', reason: 'DO_NOT_TRACK is set' } }, NOW).code).toBe('opted-out');
    expect(diagnose(all, NOW).code).toBe('notice-not-shown');
    expect(diagnose({ ...all, noticeShown: true }, NOW).code).toBe('no-endpoint');
    expect(diagnose({ ...base, sampled: false, sampleRate: 0.5 }, NOW).code).toBe('sampled-out');
    expect(diagnose({ ...base, consent: { enabled: false, source: 'error', reason: 'invalid' } }, NOW).code).toBe('schema-invalid');
    expect(diagnose({ ...base, consent: { enabled: false, source: 'default', reason: 'opt-in' } }, NOW).code).toBe('opt-in');
  });

  it('says when a spooled run goes out: the run count or the oldest entry plus the delay', () => {
    const verdict = diagnose({ ...base, spooled: 4, oldestSpooledAt: NOW - 120_000 }, NOW);
    expect(verdict).toMatchObject({ wouldSend: true, code: 'spooled' });
    expect(verdict.reason).toContain('15th run');
    expect(verdict.reason).toContain('2026-12-03 18:08 UTC');
    expect(diagnose({ ...base, due: true }, NOW).code).toBe('sends-now');
    expect(diagnose({ ...base, delivery: 'sync', ci: true }, NOW).code).toBe('sends-now');
  });

  it('counts a failing delivery as not sent, with the reason and the end of the backoff', () => {
    const verdict = diagnose({ ...base, backingOff: 'ECONNREFUSED', backoffUntil: NOW + 300_000 }, NOW);
    expect(verdict).toMatchObject({ wouldSend: false, code: 'backing-off' });
    expect(verdict.reason).toContain('ECONNREFUSED');
    expect(verdict.reason).toContain('18:05 UTC');
  });

  it('keeps warnings without blocking', () => {
    const verdict = diagnose({ ...base, toolMismatch: 'the schema names the tool "x"', warnings: ['clitel: ignoring CLITEL_LEVEL (expected full or minimal)'] }, NOW);
    expect(verdict.wouldSend).toBe(true);
    expect(verdict.warnings).toEqual(['the schema names the tool "x"', 'ignoring CLITEL_LEVEL (expected full or minimal)']);
  });

  it('tells an old core from no clitel when no report was written', () => {
    const none = { timedOut: false, timeoutMs: 30_000, error: undefined };
    expect(diagnoseMissing({ ...none, stderr: 'hello\n' }).code).toBe('no-clitel');
    expect(diagnoseMissing({ ...none, stderr: 'clitel: telemetry is off: x\n' }).hint).toBe('update @clitel/core');
    expect(diagnoseMissing({ ...none, timedOut: true, stderr: '' }).code).toBe('timed-out');
  });
});
