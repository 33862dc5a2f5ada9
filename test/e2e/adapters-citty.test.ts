// SPDX-License-Identifier: Apache-2.0
// @clitel/citty on a real citty CLI (test/fixtures/adapters/citty.mjs), spawned against a real
// receiver. Every run is compared with the same CLI run without instrument() (FIXTURE_PLAIN=1).
// The shared adapter suite, with what citty does its own way: the tool's setup and cleanup hooks
// write to stderr, `remote` is a lazy command, and enum and negated boolean args.
import { expect, it } from 'vitest';
import { describeAdapterSuite } from '../fixtures/adapters/suite.js';

describeAdapterSuite('citty', {
  title: '@clitel/citty on a real citty CLI',
  afterRun: 'fx: cleanup\n',
  own: { stderr: ['fx: cleanup'] },
  outsideList: {
    args: ['greet', '--name=Bo', '--lang=de', '--no-loud'],
    attributes: { 'clitel.options': ['lang', 'loud', 'name'], 'clitel.option.lang': '_other', 'clitel.option.loud': false },
  },
  nested: { title: 'records a nested subcommand of a lazy command without its argument' },
  unknown: {
    title: 'records an unknown command as _unknown, at the root and below a command',
    root: { args: ['frobnicate', '--secret', 'hunter2'], rootHelp: true, code: 1, stderr: /Unknown command/, attributes: { 'error.type': 'CLIError' } },
    below: [['remote', 'frob']],
  },
  parseErrors: {
    title: 'records missing and invalid arguments of a known command',
    cases: [
      { args: ['greet'], code: 1, stderr: /Missing required argument: --name/, name: 'fx greet', attributes: { 'error.type': 'CLIError' } },
      { args: ['greet', '--name', 'x', '--lang', 'xx'], name: 'fx greet', attributes: { 'error.type': 'CLIError', 'clitel.option.lang': '_other' } },
    ],
  },
  help: [{ args: ['remote', 'add', '--help'], stdout: /remote url/, name: 'fx remote add' }],
  version: '1.0.0\n',
  rootHelpListing: /telemetry +usage telemetry: status, enable, disable, reset, show/,
  failStack: /^Error\n {4}at .*\(test\/fixtures\/adapters\/citty\.mjs:\d+:\d+\)/,
}, ({ fx, receiver }) => {
  it('records a nested subcommand through its alias, without its argument', async () => {
    expect((await fx.spanOf(['remote', 'new', 'upstream'])).span.name).toBe('fx remote add');
    expect(receiver().allBytes().includes('upstream')).toBe(false);
  });
});
