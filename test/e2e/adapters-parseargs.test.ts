// SPDX-License-Identifier: Apache-2.0
// @clitel/parseargs on a real node:util parseArgs CLI (test/fixtures/adapters/parseargs.mjs),
// spawned against a real receiver. Every run is compared with the same CLI run with node's own
// parseArgs and no telemetry (FIXTURE_PLAIN=1). The shared adapter suite, with what parseArgs does
// its own way: commands are positionals, and the tool writes its own help, without telemetry in it.
import { describeAdapterSuite } from '../fixtures/adapters/suite.js';
import { TOOL } from '../fixtures/adapters/harness.js';

describeAdapterSuite('parseargs', {
  title: '@clitel/parseargs on a real parseArgs CLI',
  nested: { title: 'records a nested command from two positionals, never the operand after it' },
  unknown: {
    title: 'records positionals that name no command as _unknown',
    root: { args: ['frobnicate', 'hunter2'], code: 1, stderr: 'fx: unknown command frobnicate hunter2\n', attributes: { 'error.type': '1' } },
    below: [['remote', 'frob']],
  },
  parseErrors: {
    title: 'records node\'s parse error with its class, under the command it was given for',
    cases: [{
      args: ['greet', '--secret', 'hunter2', '--name', 'x'], code: 2, stderr: /^fx: Unknown option '--secret'/, name: 'fx greet',
      attributes: { 'error.type': 'TypeError', 'clitel.options': ['name'] }, secrets: ['hunter2'],
    }],
  },
  help: [
    { args: ['remote', 'add', '--help'], stdout: 'Usage: fx remote add <name> [--url <url>]\n', name: 'fx remote add', attributes: { 'clitel.options': ['help'] } },
    { args: ['-h'], name: TOOL, attributes: { 'clitel.options': ['help'] } },
  ],
  version: '1.0.0\n',
  failStack: /^Error\n {4}at main \(test\/fixtures\/adapters\/parseargs\.mjs:\d+:\d+\)/,
});
