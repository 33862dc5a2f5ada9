// SPDX-License-Identifier: Apache-2.0
// @clitel/commander on a real commander CLI (test/fixtures/adapters/commander.mjs), spawned against
// a real receiver. Every run is compared with the same CLI run without instrument() (FIXTURE_PLAIN=1).
// The shared adapter suite, with what commander does its own way: its parse errors are
// CommanderError, and help and parse errors exit through process.exit.
import { describeAdapterSuite } from '../fixtures/adapters/suite.js';

describeAdapterSuite('commander', {
  title: '@clitel/commander on a real commander CLI',
  nested: { title: 'records a nested subcommand without its argument' },
  unknown: {
    title: 'records an unknown command as _unknown, at the root and below a command',
    root: { args: ['frobnicate', '--secret', 'hunter2'], code: 1, stderr: "error: unknown command 'frobnicate'\n", attributes: { 'error.type': 'CommanderError' } },
    below: [['remote', 'frob']],
  },
  parseErrors: {
    title: 'records parse errors of a known command with commander\'s error class',
    cases: [
      { args: ['greet'], code: 1, stderr: "error: required option '--name <name>' not specified\n", name: 'fx greet', attributes: { 'error.type': 'CommanderError' } },
      { args: ['greet', '--name', 'x', '--frob'], code: 1, name: 'fx greet', attributes: { 'error.type': 'CommanderError' } },
    ],
  },
  help: [{ args: ['greet', '--help'], stdout: /who to greet/, name: 'fx greet' }],
  version: '1.0.0\n',
  rootHelpListing: /telemetry \[args\.\.\.\] +usage telemetry: status, enable, disable, reset, show/,
  failStack: /^Error\n {4}at .*\(test\/fixtures\/adapters\/commander\.mjs:\d+:\d+\)/,
});
