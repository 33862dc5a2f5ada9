// SPDX-License-Identifier: Apache-2.0
// The README section `clitel init` adds: what is collected, how to look at it and how to opt out.
import { toolOptOutVar } from '@clitel/core';

/** The "## Telemetry" section for a tool. */
export function readmeSection(tool: string): string {
  return `## Telemetry

${tool} collects anonymous usage data to learn which commands and options are used, on which versions and
platforms, and where errors happen: the command and option names you use (values only from a fixed list),
the exit code and run time, the ${tool} and Node.js versions, the OS and CPU architecture, and a random
installation id. It never collects argument values, file paths, environment variables, error messages,
host names or user names. The complete list is [telemetry.schema.json](telemetry.schema.json); run
\`npx clitel docs --schema telemetry.schema.json\` for a readable data dictionary.

Telemetry starts after a notice on the first run (that run sends nothing). Turn it off with any of:

- \`${tool} telemetry disable\`
- \`${toolOptOutVar(tool)}=1\`
- \`DO_NOT_TRACK=1\`

\`CLITEL_DEBUG=1 ${tool} …\` prints what would be sent, and sends nothing.
`;
}
