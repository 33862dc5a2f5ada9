// SPDX-License-Identifier: Apache-2.0
// @clitel/cac on a real cac CLI (test/fixtures/adapters/cac.mjs), spawned against a real
// receiver. Every run is compared with the same CLI run without instrument() (FIXTURE_PLAIN=1).
// The shared adapter suite, with what cac does its own way: it has one level of commands, so the
// fixture dispatches `remote add` itself and sets the command, and nothing is unknown below it.
import { describeAdapterSuite } from '../fixtures/adapters/suite.js';

describeAdapterSuite('cac', {
  title: '@clitel/cac on a real cac CLI',
  nested: { title: 'records a second command level the tool dispatches itself, without its arguments' },
  unknown: {
    title: 'records an unknown command as _unknown, beside the tool\'s own command:* listener',
    root: { args: ['frobnicate', '--secret', 'hunter2'], code: 1, stderr: 'fx: unknown command frobnicate\n', attributes: { 'error.type': '1' } },
    below: [],
  },
  parseErrors: {
    title: 'records parse errors of a known command with cac\'s error class',
    cases: [
      {
        args: ['greet', '--name'], code: 1, stderr: 'fx: option `--name <name>` value is missing\n', name: 'fx greet',
        attributes: { 'error.type': 'CACError' },
      },
      { args: ['greet', '--frob'], attributes: { 'error.type': 'CACError', 'clitel.options': undefined } },
    ],
  },
  help: [{ args: ['greet', '--help'], stdout: /who to greet/, name: 'fx greet', attributes: { 'clitel.options': ['help'] } }],
  version: /^fx\/1\.0\.0 /,
  rootHelpListing: /telemetry \[\.\.\.args\] +usage telemetry: status, enable, disable, reset, show/,
  failStack: /^Error\n {4}at .*\(test\/fixtures\/adapters\/cac\.mjs:\d+:\d+\)/,
});
