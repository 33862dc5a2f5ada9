// SPDX-License-Identifier: Apache-2.0
// @clitel/yargs on a real yargs CLI (test/fixtures/adapters/yargs.mjs), spawned against a real
// receiver. Every run is compared with the same CLI run without instrument() (FIXTURE_PLAIN=1).
// The shared adapter suite, with what yargs does its own way.
import { describeAdapterSuite } from '../fixtures/adapters/suite.js';

describeAdapterSuite('yargs', {
  title: '@clitel/yargs on a real yargs CLI',
  nested: { title: 'records a nested subcommand without its positional argument' },
  unknown: {
    title: 'records an unknown command as _unknown, at the root and below a command',
    root: { args: ['frobnicate', '--secret', 'hunter2'], code: 1, stderr: /^fx: Unknown argument/, attributes: { 'error.type': 'YError' } },
    below: [['remote', 'frob']],
  },
  parseErrors: {
    title: 'records parse and validation errors of a known command',
    cases: [
      { args: ['greet'], code: 1, name: 'fx greet', attributes: { 'error.type': 'YError' } },
      { args: ['remote', 'add'], code: 1, name: 'fx remote add' },
    ],
  },
  help: [{ args: ['remote', 'add', '--help'], stdout: /remote url/, name: 'fx remote add', attributes: { 'clitel.options': ['help'] } }],
  version: '1.0.0\n',
  rootHelpListing: /fx telemetry \[args\.\.\] +usage telemetry: status, enable, disable, reset, show/,
  failStack: /^Error\n {4}at .*\(test\/fixtures\/adapters\/yargs\.mjs:\d+:\d+\)/,
});
