// SPDX-License-Identifier: Apache-2.0
import { defineConfig } from 'vitest/config';

// One project per package (unit tests next to the code) plus test/ (process tests).
// Files run one at a time: process tests measure real delivery with real bounds (a sync send
// waits at most 1 s), and two cores shared by parallel suites would make them flaky.
export default defineConfig({
  test: {
    projects: ['packages/*', 'test'],
    fileParallelism: false,
  },
});
