// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import { errorType, scrubFile, scrubStack } from './scrub.js';

describe('errors', () => {
  it('names the error class and never the message', () => {
    class DeployError extends Error {}
    expect(errorType(new DeployError('token=abc'))).toBe('DeployError');
    expect(errorType('a string with /home/alice')).toBe('_OTHER');
    expect(errorType({ name: 'not an identifier!' })).toBe('_OTHER');
  });
  it('keeps only package-relative files and function names in frames', () => {
    const error = new Error('secret /home/alice/x');
    error.stack = [
      'Error: secret /home/alice/x',
      '    at deploy (/home/alice/work/acme/bin/acme.js:10:5)',
      '    at Object.<anonymous> (/home/alice/work/acme/node_modules/commander/lib/command.js:1:2)',
      '    at file:///home/alice/notes.mjs:3:3',
      '    at node:internal/main:1:1',
      '    this line is junk /home/alice',
    ].join('\n');
    expect(scrubStack(error, '/home/alice/work/acme')).toBe([
      'Error',
      '    at deploy (bin/acme.js:10:5)',
      '    at Object.<anonymous> (commander/lib/command.js:1:2)',
      '    at notes.mjs:3:3',
      '    at node:internal/main:1:1',
    ].join('\n'));
  });
  it('reduces a file outside the tool to its base name', () => {
    expect(scrubFile('C:\\Users\\alice\\x.js', undefined)).toBe('x.js');
  });
});
