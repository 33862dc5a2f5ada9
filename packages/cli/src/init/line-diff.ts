// SPDX-License-Identifier: Apache-2.0
// A small line diff (longest common subsequence) to preview init's edits.

/** Lines of `after` marked `+`, lines of `before` marked `-`, with `context` unchanged lines around. */
export function lineDiff(before: string, after: string, context = 2): string {
  const a = before.split('\n');
  const b = after.split('\n');
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      (lcs[i] as number[])[j] = a[i] === b[j] ? ((lcs[i + 1] as number[])[j + 1] as number) + 1 : Math.max((lcs[i + 1] as number[])[j] as number, (lcs[i] as number[])[j + 1] as number);
    }
  }
  const ops: { mark: ' ' | '+' | '-'; line: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ mark: ' ', line: a[i] as string });
      i += 1;
      j += 1;
    } else if (j < m && (i >= n || ((lcs[i] as number[])[j + 1] as number) >= ((lcs[i + 1] as number[])[j] as number))) {
      ops.push({ mark: '+', line: b[j] as string });
      j += 1;
    } else {
      ops.push({ mark: '-', line: a[i] as string });
      i += 1;
    }
  }
  const keep = ops.map((op, k) => ops.slice(Math.max(0, k - context), k + context + 1).some((o) => o.mark !== ' '));
  const out: string[] = [];
  ops.forEach((op, k) => {
    if (keep[k] === true) out.push(`${op.mark} ${op.line}`);
    else if (keep[k - 1] === true) out.push('  …');
  });
  return out.join('\n');
}
