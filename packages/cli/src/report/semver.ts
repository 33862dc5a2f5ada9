// SPDX-License-Identifier: Apache-2.0
// Orders version strings: semver precedence for `1.2.3[-pre]`, text order for anything else
// (which sorts below every semver version).

interface Parsed { core: number[]; pre: string | undefined }

function parse(version: string): Parsed | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+.*)?$/.exec(version.trim());
  if (match == null) return undefined;
  return { core: [Number(match[1]), Number(match[2]), Number(match[3])], pre: match[4] };
}

function comparePre(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a == null) return 1;
  if (b == null) return -1;
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x == null) return -1;
    if (y == null) return 1;
    const nx = /^\d+$/.test(x) ? Number(x) : undefined;
    const ny = /^\d+$/.test(y) ? Number(y) : undefined;
    if (nx != null && ny != null && nx !== ny) return nx - ny;
    if (nx != null && ny == null) return -1;
    if (nx == null && ny != null) return 1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Negative when a < b, positive when a > b, 0 when equal. */
export function compareVersions(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  if (pa == null || pb == null) {
    if (pa != null) return 1;
    if (pb != null) return -1;
    return a === b ? 0 : a < b ? -1 : 1;
  }
  for (let i = 0; i < 3; i++) {
    const diff = (pa.core[i] as number) - (pb.core[i] as number);
    if (diff !== 0) return diff;
  }
  return comparePre(pa.pre, pb.pre);
}

/** The newest of the versions, or undefined for none. Prereleases count only when nothing else exists. */
export function newestVersion(versions: readonly string[]): string | undefined {
  const candidates = versions.filter((v) => v !== '');
  const releases = candidates.filter((v) => parse(v)?.pre == null);
  const pool = releases.length > 0 ? releases : candidates;
  return [...pool].sort(compareVersions).at(-1);
}
