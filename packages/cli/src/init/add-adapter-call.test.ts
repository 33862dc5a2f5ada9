// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import { addAdapterCall as addWith, type AdapterCallOptions } from './add-adapter-call.js';
import { loadSourceTools } from './parse-source.js';

const tools = await loadSourceTools();
const addAdapterCall = (text: string, options: AdapterCallOptions, file = 'cli.js'): ReturnType<typeof addWith> => addWith(tools, tools.parse(text, file), options);

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

describe('addAdapterCall as an edit', () => {
  it("keeps every byte of the user's code: removing the added lines gives the original back", () => {
    const original = [
      '#!/usr/bin/env node',
      "'use strict'",
      '/* a banner */',
      "const {Command}=require( 'commander' ) // no semicolons here",
      '',
      '\tconst re = /`/   ;',
      'const program=new Command()',
      "program .command( 'a' )\t// tabs, odd spacing",
      'if (re.test(process.argv[2] ?? "")) {',
      '\tprogram.parse( process.argv )',
      '}',
      '',
    ].join('\n');
    const result = addAdapterCall(original, { ...esm, moduleKind: 'cjs' });
    expect(result.ok).toBe(true);
    const text = result.ok ? result.text : '';
    expect(text).toContain("\tclitelInstrument(program, {");
    const added = new Set(text.split('\n').filter((l) => /clitel|^\s*\/\/ (Nothing is sent|Usage telemetry)/.test(l)));
    expect(text.split('\n').filter((l) => !added.has(l)).join('\n').replace(/\n\n\n/, '\n\n')).toBe(original);
    expect(addAdapterCall(text, { ...esm, moduleKind: 'cjs' })).toMatchObject({ ok: false, reason: 'it already uses @clitel/commander' });
  });

  it('edits a TypeScript entry into TypeScript that still parses', () => {
    const source = "import { Command } from 'commander';\nconst program: Command = new Command('x');\nprogram.command('a');\nawait program.parseAsync(process.argv as string[]);\n";
    const result = addAdapterCall(source, esm, 'src/cli.ts');
    const text = result.ok ? result.text : '';
    expect(text).toContain("import { instrument as clitelInstrument } from '@clitel/commander';");
    expect(() => tools.parse(text, 'src/cli.ts')).not.toThrow();
    expect(text).toMatch(/clitelInstrument\(program, .*\);\nawait program\.parseAsync\(process\.argv as string\[\]\);/);
  });

  it('places the call before the statement that parses, not before JSON.parse or process.argv', () => {
    const source = "import yargs from 'yargs';\nconst cli = yargs(process.argv.slice(2)).command('a');\nconst config = JSON.parse('{}');\nawait cli.parseAsync().catch(() => {});\nconst again = JSON.parse('[]');\n";
    const result = addAdapterCall(source, { ...esm, framework: 'yargs' });
    const text = result.ok ? result.text : '';
    expect(text).toMatch(/clitelInstrument\(cli, .*\);\nawait cli\.parseAsync\(\)\.catch/);
  });

  it('refuses a parse call that is not a statement of its own', () => {
    expect(addAdapterCall("import { program } from 'commander';\nif (process.argv.length > 2) program.parse();\n", esm)).toMatchObject({ ok: false, reason: expect.stringContaining('line 2') });
    expect(addAdapterCall("import { program } from 'commander';\nconst run = () => program.parse();\nrun();\n", esm)).toMatchObject({ ok: false });
  });
});
