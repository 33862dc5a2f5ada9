// SPDX-License-Identifier: Apache-2.0
// The rules of shared/STYLE.md that a machine can check. Type-aware rules run on the TypeScript
// the root tsconfig.json covers; plain JavaScript (scripts, bins, fixtures) gets the syntax rules.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const SPDX = 'SPDX-License-Identifier: Apache-2.0';

/** Every source file names its licence in a comment before any code (after a shebang). */
const spdxHeader = {
  meta: { type: 'problem', messages: { missing: `The file must start with "// ${SPDX}".` }, schema: [] },
  create(context) {
    return {
      Program(node) {
        const first = node.body[0];
        const before = context.sourceCode.getAllComments().filter((c) => first == null || c.range[1] <= first.range[0]);
        if (!before.some((c) => c.value.includes(SPDX))) context.report({ loc: { line: 1, column: 0 }, messageId: 'missing' });
      },
    };
  },
};

// The environment is read once, at an entry point, and parsed only by core's env module; every
// other module takes `env` as a parameter (STYLE.md, "What to avoid").
const ENV_READERS = [
  'packages/core/src/shared/env.ts',
  'packages/core/src/sender.ts', // the detached sender's own entry: its config arrives in env
  'packages/*/src/instrument.ts', // adapters' entry points
  'packages/parseargs/src/parse-args.ts',
  'packages/library/src/track-module.ts',
  'packages/service/src/start-service.ts',
  'packages/register/src/register.ts',
  'packages/cli/src/bin.ts',
];

// Files that may print: bins and the browser script of the dashboard.
const PRINTERS = ['packages/cli/src/bin.ts', 'packages/cli/src/dashboard/client-script.ts'];

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/version.ts',
      '**/ci-vendors.ts',
      'test/.artifacts/**',
      '.vitest/**',
      'collector-config/**',
      'examples/acme/bin/.bench-*',
      'examples/acme/bin/.test-*',
    ],
  },
  {
    files: ['**/*.{ts,mts,cts,js,mjs,cjs}'],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { clitel: { rules: { 'spdx-header': spdxHeader } } },
    rules: {
      'clitel/spdx-header': 'error',
      'no-control-regex': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'Name each export; `export *` hides what the module exposes.' },
      ],
    },
  },
  {
    files: ['**/*.{ts,mts,cts}'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['packages/*/src/**/*.ts'],
    ignores: ['packages/*/src/**/*.test.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Take `env` as a parameter; only entry points and core/src/shared/env.ts read process.env.' },
      ],
    },
  },
  { files: PRINTERS, rules: { 'no-console': 'off' } },
  { files: ENV_READERS, rules: { 'no-restricted-properties': 'off' } },
);
