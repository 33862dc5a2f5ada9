// SPDX-License-Identifier: Apache-2.0
// The descriptive columns of the attribute table (shared/attribute-table.ts): what each key holds,
// why it is collected, example values, and when it is set if not on every record of its place.
// Only describeSchema reads this (`clitel docs`, the collector generator), through the entry
// @clitel/core/describe, so the text is in no bundle a run loads. attribute-docs.test.ts checks it
// covers the table exactly.
import * as A from '../shared/attributes.js';
import * as S from '../shared/semconv.js';
import { CLITEL_VERSION, NODE_VERSION_EXAMPLE, OTEL_SDK_VERSION } from '../shared/version.js';

/** The descriptive columns of one row of the attribute table. */
export interface AttributeDoc {
  /** What it holds. */
  readonly description: string;
  /** Why it is collected. */
  readonly why: string;
  /** Example values; the schema's own values replace them where it has some. */
  readonly examples: readonly string[];
  /** When it is set, if not on every record of its place at its level. */
  readonly when?: string;
}

/** The descriptive columns of every row of the attribute table, by key. */
export const ATTRIBUTE_DOCS: Readonly<Record<string, AttributeDoc>> = {
  [S.ATTR_PROCESS_EXECUTABLE_NAME]: { description: 'The tool name.', why: 'OTel CLI semantic conventions.', examples: [] },
  [S.ATTR_PROCESS_EXIT_CODE]: { description: 'The exit code of the run.', why: 'Success and failure rates.', examples: ['0', '1'] },
  [S.ATTR_ERROR_TYPE]: {
    description: 'The error class name, or the exit code as text; only when the exit code is not 0.', why: 'Error rates per command and version.', examples: ['Error', '3'],
    when: 'the exit code is not 0',
  },
  [A.ATTR_CLITEL_COMMAND]: { description: 'The command that ran, from the schema; `_unknown` otherwise.', why: 'Which commands are used.', examples: [] },
  [A.ATTR_CLITEL_OPTIONS]: {
    description: 'The names of the options the user set (never their values).', why: 'Which options are used.', examples: ['["env","force"]'],
    when: 'the user set an option the schema lists',
  },
  [A.ATTR_CLITEL_OPTION_PREFIX]: {
    description: 'The value of --<name>, only from the allowed list.', why: 'Which choices people make, to prioritise work.', examples: [],
    when: 'the user set an option whose values the schema lists',
  },
  [A.ATTR_CLITEL_RUN_ID]: { description: 'A random id for this run, shared by its span and its events.', why: 'Ties the events of one run to it.', examples: ['4bf92f3577b34da6a3ce929d0e0e4736'] },
  [A.ATTR_CLITEL_SAMPLE_RATE]: {
    description: 'The sampling rate in force, so counts can be scaled back up.', why: 'Correct totals when sampling.', examples: ['1', '0.1'],
    when: 'the schema samples installations (a rate below 1)',
  },
  [A.ATTR_CLITEL_STAGE]: { description: 'The stage the tool reported, from the schema.', why: 'Where long commands spend their time and stop.', examples: [] },
  [A.ATTR_CLITEL_MODULE_NAME]: { description: 'A module the schema names that was loaded during the run.', why: 'Which plugins are used.', examples: [] },
  [A.ATTR_CLITEL_MODULE_VERSION]: { description: "That module's version.", why: 'Plugin version adoption.', examples: ['2.1.0'], when: 'the module has a version of the usual shape' },
  [S.ATTR_EXCEPTION_TYPE]: { description: 'The error class name.', why: 'Which errors happen.', examples: ['TypeError'] },
  [S.ATTR_EXCEPTION_STACKTRACE]: {
    description: 'Stack frames reduced to function names and package-relative file names; never the message.', why: 'Where errors happen.',
    examples: ['TypeError\n    at deploy (bin/acme.js:12:9)'],
  },
  [S.ATTR_SERVICE_NAME]: { description: 'The tool name.', why: 'Which tool sent it.', examples: [] },
  [S.ATTR_SERVICE_VERSION]: { description: 'The tool version.', why: 'Version adoption and errors per version.', examples: ['1.4.2'] },
  [S.ATTR_TELEMETRY_SDK_NAME]: { description: 'Always `opentelemetry`.', why: 'OTel resource conventions.', examples: ['opentelemetry'] },
  [S.ATTR_TELEMETRY_SDK_LANGUAGE]: { description: 'Always `nodejs`.', why: 'OTel resource conventions.', examples: ['nodejs'] },
  [S.ATTR_TELEMETRY_SDK_VERSION]: { description: 'The OpenTelemetry SDK version bundled.', why: 'OTel resource conventions.', examples: [OTEL_SDK_VERSION] },
  [S.ATTR_TELEMETRY_DISTRO_NAME]: { description: 'Always `clitel`.', why: 'Which library produced the data.', examples: [A.DISTRO_NAME] },
  [S.ATTR_TELEMETRY_DISTRO_VERSION]: { description: 'The clitel version.', why: 'Which library version produced the data.', examples: [CLITEL_VERSION] },
  [S.ATTR_OS_TYPE]: { description: 'The operating system family.', why: 'Which platforms to support.', examples: ['linux', 'darwin', 'windows'] },
  [S.ATTR_OS_VERSION]: { description: 'The OS kernel version, major.minor only.', why: 'Which platform versions to support.', examples: ['6.1', '23.4'] },
  [S.ATTR_HOST_ARCH]: { description: 'The CPU architecture.', why: 'Which builds to ship.', examples: ['amd64', 'arm64'] },
  [S.ATTR_PROCESS_RUNTIME_NAME]: { description: 'Always `nodejs`.', why: 'Which runtimes to support.', examples: ['nodejs'] },
  [S.ATTR_PROCESS_RUNTIME_VERSION]: { description: 'The Node.js version.', why: 'Which runtime versions to support.', examples: [NODE_VERSION_EXAMPLE] },
  [A.ATTR_CLITEL_INSTALLATION_ID]: {
    description: 'A random id created on first use, kept in the state directory, resettable; never derived from the machine.',
    why: 'Counting active installations and version adoption.', examples: ['0b6f0c1e-4c9a-4f51-9d8e-2f4b7c1d2e3f'],
    when: 'the installation has an id (CLITEL_DEBUG=1 output before the first recorded run has none)',
  },
  [A.ATTR_CLITEL_SESSION_ID]: { description: 'A random id per process.', why: 'Grouping events of one process.', examples: ['9c1d2e3f4b7c'] },
  [A.ATTR_CLITEL_CI]: { description: 'Whether the run happened in CI.', why: 'Separating CI use from interactive use.', examples: ['false'] },
  [A.ATTR_CLITEL_CI_PROVIDER]: { description: 'The CI provider name, when in CI.', why: 'Which CI systems to support.', examples: ['GitHub Actions'], when: 'the run is in a CI system ci-info knows' },
  [A.ATTR_CLITEL_SOURCE]: { description: 'How the tool was started, as set by the tool.', why: 'Separating direct use from integrations.', examples: ['cli'] },
  [A.ATTR_CLITEL_CHANNEL]: {
    description: 'How the tool was installed.', why: 'Which distribution channels matter.', examples: ['npm', 'npx', 'homebrew', 'standalone'],
    when: 'the tool sets it, or the install path shows npm, npx, pnpm dlx or Homebrew',
  },
  [A.ATTR_CLITEL_EDITION]: {
    description: 'The licence or edition the service runs as, from the list it declares.', why: 'Which editions are deployed.', examples: ['enterprise'],
    when: 'the service sets an edition it declares',
  },
  [A.ATTR_CLITEL_FUNCTION]: { description: 'The function a library registered, on its call counter.', why: 'Which functions of a library are used.', examples: ['parse'] },
  [A.ATTR_CLITEL_COUNT_NAME]: { description: 'The name of a count the service reports, on its bucket gauge.', why: 'How big deployments are.', examples: ['users'] },
  [A.ATTR_CLITEL_COUNT_BUCKET]: { description: 'The bucket the count fell in, never the exact number.', why: 'How big deployments are, coarsely.', examples: ['10-100'] },
};
