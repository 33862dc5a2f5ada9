// SPDX-License-Identifier: Apache-2.0
import { defineConfig } from 'vitest/config';

// Process tests start real receivers, DuckDB files and CLIs: give them time, never assert on it.
export default defineConfig({
  test: {
    name: '@clitel/cli',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
