// SPDX-License-Identifier: Apache-2.0
// `node --import @clitel/register ./cli.js`: the only clitel module with side effects on import.
import { startRegister } from './start.js';

await startRegister({
  env: process.env,
  entryPath: process.argv[1],
  args: process.argv.slice(2),
  exit: (code) => process.exit(code),
  writeErr: (text) => {
    process.stderr.write(text);
  },
  onExit: (fn) => {
    process.prependListener('exit', () => {
      try {
        fn();
      } catch {
        // never change how the tool exits
      }
    });
  },
});
