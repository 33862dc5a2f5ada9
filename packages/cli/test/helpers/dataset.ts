// SPDX-License-Identifier: Apache-2.0
// A generated data set with known answers: runs are plain objects (the oracle), and the same runs
// are turned into OTLP/JSON export requests shaped exactly as @clitel/core sends them.
import { randomBytes } from 'node:crypto';

export interface GeneratedRun {
  installation: string;
  version: string;
  os: string;
  arch: string;
  node: string;
  ci: boolean;
  command: string;
  options: string[];
  values: Record<string, string>;
  exitCode: number;
  durationMs: number;
  /** UTC day, YYYY-MM-DD. */
  day: string;
  /** Seconds after midnight. */
  second: number;
  sampleRate?: number;
}

/** A tiny seeded PRNG (mulberry32), so the data set is the same on every run. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Generates runs for `installations` installations over `days` days ending with `lastDay`. */
export function generateRuns(config: { seed?: number; installations?: number; days?: number; lastDay: string; spikeDay?: number }): GeneratedRun[] {
  const random = createRandom(config.seed ?? 7);
  const pickOne = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const days = config.days ?? 14;
  const firstDay = addDays(config.lastDay, -(days - 1));
  const runs: GeneratedRun[] = [];
  for (let i = 0; i < (config.installations ?? 40); i++) {
    const installation = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const os = pickOne(['linux', 'linux', 'darwin', 'windows']);
    const arch = pickOne(['amd64', 'amd64', 'arm64']);
    const node = pickOne(['20.19.1', '22.11.0', '24.1.0']);
    const ci = random() < 0.25;
    const start = Math.floor(random() * days);
    for (let d = start; d < days; d++) {
      if (random() < 0.35) continue;
      const day = addDays(firstDay, d);
      // Versions: 1.3.0 at first, 1.4.0 from the middle, adopted at different speeds.
      const version = d >= days / 2 && random() < 0.3 + (d - days / 2) * 0.12 ? '1.4.0' : d >= 2 ? '1.3.0' : '1.2.0';
      for (let n = 0, count = 1 + Math.floor(random() * 3); n < count; n++) {
        const command = pickOne(['deploy', 'deploy', 'deploy', 'init', 'greet', 'fail', '']);
        const options: string[] = [];
        const values: Record<string, string> = {};
        if (command === 'deploy') {
          options.push('env', 'token');
          values.env = pickOne(['dev', 'staging', 'prod', 'prod', '_other']);
          if (random() < 0.3) options.push('force');
        }
        if (command === 'init' && random() < 0.5) options.push('template');
        if (command === 'greet') options.push('name');
        const spike = config.spikeDay != null && d === config.spikeDay && command === 'deploy' && version === '1.4.0';
        const exitCode = command === 'fail' ? 3 : spike && random() < 0.8 ? 1 : command === 'deploy' && random() < 0.03 ? 1 : 0;
        runs.push({
          installation, version, os, arch, node, ci, command, options, values, exitCode,
          durationMs: 20 + Math.floor(random() * 400), day, second: Math.floor(random() * 86_000),
        });
      }
    }
  }
  return runs;
}

const s = (key: string, value: string): object => ({ key, value: { stringValue: value } });

/** Turns runs into OTLP/JSON export requests (one per installation and version), like core sends. */
export function toOtlpRequests(runs: readonly GeneratedRun[], service = 'acme'): object[] {
  const groups = new Map<string, GeneratedRun[]>();
  for (const run of runs) {
    const key = `${run.installation}/${run.version}/${run.ci}`;
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0] as GeneratedRun;
    const resource = [
      s('service.name', service), s('service.version', first.version), s('telemetry.sdk.name', 'opentelemetry'),
      s('telemetry.sdk.language', 'nodejs'), s('telemetry.distro.name', 'clitel'), s('os.type', first.os), s('host.arch', first.arch),
      s('process.runtime.name', 'nodejs'), s('process.runtime.version', first.node), s('clitel.installation.id', first.installation),
      { key: 'clitel.ci', value: { boolValue: first.ci } }, ...(first.ci ? [s('clitel.ci.provider', 'GitHub Actions')] : []),
      s('clitel.source', 'cli'), s('clitel.channel', 'npm'),
    ];
    const spans = group.map((run) => {
      const start = BigInt(Date.parse(`${run.day}T00:00:00Z`) + run.second * 1000) * 1_000_000n;
      const end = start + BigInt(run.durationMs) * 1_000_000n;
      const attributes: object[] = [
        s('process.executable.name', service), { key: 'process.exit.code', value: { intValue: run.exitCode } },
        s('clitel.command', run.command), s('clitel.run.id', randomBytes(16).toString('hex')),
        ...(run.options.length > 0 ? [{ key: 'clitel.options', value: { arrayValue: { values: run.options.map((o) => ({ stringValue: o })) } } }] : []),
        ...Object.entries(run.values).map(([k, v]) => s(`clitel.option.${k}`, v)),
        ...(run.exitCode !== 0 ? [s('error.type', String(run.exitCode))] : []),
        ...(run.sampleRate != null ? [{ key: 'clitel.sample_rate', value: { doubleValue: run.sampleRate } }] : []),
      ];
      return {
        traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex'),
        name: run.command === '' ? service : `${service} ${run.command}`, kind: 1,
        startTimeUnixNano: start.toString(), endTimeUnixNano: end.toString(), attributes, events: [],
        status: { code: run.exitCode !== 0 ? 2 : 0 },
      };
    });
    return { resourceSpans: [{ resource: { attributes: resource }, scopeSpans: [{ scope: { name: '@clitel/core', version: '0.1.0' }, spans }] }] };
  });
}

/** numpy-style linear-interpolation quantile. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}

/** Distinct count of installations. */
export function installations(runs: readonly GeneratedRun[]): number {
  return new Set(runs.map((r) => r.installation)).size;
}
