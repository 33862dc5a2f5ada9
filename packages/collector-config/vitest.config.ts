// SPDX-License-Identifier: Apache-2.0
import { defineConfig } from 'vitest/config';

// Unit tests next to the generator; the committed collector-config/acme/ is checked here too.
export default defineConfig({
  test: {
    name: '@clitel/collector-config',
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
