// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import { addAdapterCall } from './add-adapter-call.js';

const esm = { framework: 'commander' as const, moduleKind: 'esm' as const, schemaPath: '../telemetry.schema.json', packagePath: '../package.json' };

describe('addAdapterCall', () => {
  it('inserts the call before a parse on a variable, after the imports', () => {
    const result = addAdapterCall("import { Command } from 'commander';\nconst program = new Command();\nprogram.command('a');\nawait program.parseAsync();\n", esm);
    expect(result.ok).toBe(true);
    const text = result.ok ? result.text : '';
    expect(text.indexOf("from '@clitel/commander'")).toBeGreaterThan(text.indexOf("from 'commander'"));
    expect(text).toMatch(/clitelInstrument\(program, \{[^}]*\}\);\nawait program\.parseAsync\(\);/);
  });

  it('splits a chain that builds and parses the program in one statement', () => {
    const result = addAdapterCall("const { Command } = require('commander');\nnew Command('x')\n  .command('a')\n  .parse(process.argv);\n", { ...esm, moduleKind: 'cjs' });
    const text = result.ok ? result.text : '';
    expect(text).toContain("const { instrument: clitelInstrument } = require('@clitel/commander');");
    expect(text).toContain("clitelJoin(__dirname, '../telemetry.schema.json')");
    expect(text).toMatch(/const clitelProgram = new Command\('x'\)\n {2}\.command\('a'\);\n(.*\n)?clitelInstrument\(clitelProgram, .*\);\nclitelProgram\.parse\(process\.argv\);/);
  });

  it('keeps the value of yargs .argv and the endpoint given', () => {
    const result = addAdapterCall("import yargs from 'yargs';\nconst argv = yargs(process.argv.slice(2)).command('a').argv;\n", { ...esm, framework: 'yargs', endpoint: 'https://otel.example.com' });
    const text = result.ok ? result.text : '';
    expect(text).toContain("endpoint: 'https://otel.example.com'");
    expect(text).toContain('const argv = clitelProgram.argv;');
  });

  it('refuses what it cannot place and what is done already', () => {
    expect(addAdapterCall('main(program.parse());\n', esm)).toMatchObject({ ok: false });
    expect(addAdapterCall("import { instrument } from '@clitel/commander';\nprogram.parse();\n", esm)).toMatchObject({ ok: false, reason: expect.stringContaining('already') });
    expect(addAdapterCall('console.log(1);\n', esm)).toMatchObject({ ok: false });
  });
});
