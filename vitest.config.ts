// SPDX-License-Identifier: Apache-2.0
import { defineConfig } from 'vitest/config';

// One project per package (unit tests next to the code) plus test/ (process tests).
export default defineConfig({
  test: {
    projects: ['packages/*', 'test'],
  },
});
