// SPDX-License-Identifier: Apache-2.0
// What a schema can make leave a machine, for the generators (collector config, data dictionary).
import type { Schema } from '../shared/types.js';
import * as A from '../shared/attributes.js';
import * as S from '../shared/semconv.js';
import { possibleValues } from '../runtime/schema.js';
import { CLITEL_VERSION, OTEL_SDK_VERSION } from '../shared/version.js';

/** One attribute that can be sent. */
export interface AttributeInfo {
  /** The attribute key. */
  key: string;
  /** `string`, `int`, `double`, `boolean` or `string[]`. */
  type: 'string' | 'int' | 'double' | 'boolean' | 'string[]';
  /** What it holds. */
  description: string;
  /** Why it is collected. */
  why: string;
  /** Example values. */
  examples: string[];
  /** The closed set of values it can take, when there is one. */
  values?: string[];
  /** Whether it is sent when `CLITEL_LEVEL=minimal`. */
  minimal: boolean;
}

/** Everything a schema can produce. */
export interface SchemaDescription {
  /** Span names, e.g. `acme deploy`. */
  spanNames: string[];
  /** Span attributes. */
  span: AttributeInfo[];
  /** Resource attributes. */
  resource: AttributeInfo[];
  /** Span event names and their attributes. */
  events: { name: string; attributes: AttributeInfo[] }[];
}

const str = (key: string, description: string, why: string, examples: string[], minimal = false, values?: string[]): AttributeInfo => ({
  key, type: 'string', description, why, examples, minimal, ...(values ? { values } : {}),
});

/** Lists every attribute, span name and event the schema can produce. */
export function describeSchema(schema: Schema): SchemaDescription {
  const commands = Object.keys(schema.commands);
  const optionSpecs = new Map<string, string[]>();
  for (const spec of [schema.options ?? {}, ...Object.values(schema.commands).map((c) => c.options ?? {})]) {
    for (const [name, option] of Object.entries(spec)) {
      const values = possibleValues(option);
      if (values.length > 0) optionSpecs.set(name, [...new Set([...(optionSpecs.get(name) ?? []), ...values])]);
    }
  }
  const runId = str(A.ATTR_CLITEL_RUN_ID, 'A random id for this run, shared by its span and its events.', 'Ties the events of one run to it.', ['4bf92f3577b34da6a3ce929d0e0e4736']);
  const optionAttributes = [...optionSpecs].sort().map(([name, values]) =>
    str(`${A.ATTR_CLITEL_OPTION_PREFIX}${name}`, `The value of --${name}, only from the allowed list.`, 'Which choices people make, to prioritise work.', values.slice(0, 3), false, values));
  return {
    spanNames: [...commands, A.UNKNOWN_COMMAND].map((c) => (c === '' ? schema.tool : `${schema.tool} ${c}`)),
    span: [
      str(S.ATTR_PROCESS_EXECUTABLE_NAME, 'The tool name.', 'OTel CLI semantic conventions.', [schema.tool], true, [schema.tool]),
      { key: S.ATTR_PROCESS_EXIT_CODE, type: 'int', description: 'The exit code of the run.', why: 'Success and failure rates.', examples: ['0', '1'], minimal: true },
      str(S.ATTR_ERROR_TYPE, 'The error class name, or the exit code as text; only when the exit code is not 0.', 'Error rates per command and version.', ['Error', '3'], true),
      str(A.ATTR_CLITEL_COMMAND, 'The command that ran, from the schema; `_unknown` otherwise.', 'Which commands are used.', commands.slice(0, 3), true, [...commands, A.UNKNOWN_COMMAND]),
      { key: A.ATTR_CLITEL_OPTIONS, type: 'string[]', description: 'The names of the options the user set (never their values).', why: 'Which options are used.', examples: ['["env","force"]'], minimal: false },
      ...optionAttributes,
      runId,
      { key: A.ATTR_CLITEL_SAMPLE_RATE, type: 'double', description: 'The sampling rate in force, so counts can be scaled back up.', why: 'Correct totals when sampling.', examples: ['1', '0.1'], minimal: true },
    ],
    resource: [
      str(S.ATTR_SERVICE_NAME, 'The tool name.', 'Which tool sent it.', [schema.tool], true),
      str(S.ATTR_SERVICE_VERSION, 'The tool version.', 'Version adoption and errors per version.', ['1.4.2'], true),
      str(S.ATTR_TELEMETRY_SDK_NAME, 'Always `opentelemetry`.', 'OTel resource conventions.', ['opentelemetry']),
      str(S.ATTR_TELEMETRY_SDK_LANGUAGE, 'Always `nodejs`.', 'OTel resource conventions.', ['nodejs']),
      str(S.ATTR_TELEMETRY_SDK_VERSION, 'The OpenTelemetry SDK version bundled.', 'OTel resource conventions.', [OTEL_SDK_VERSION]),
      str(S.ATTR_TELEMETRY_DISTRO_NAME, 'Always `clitel`.', 'Which library produced the data.', ['clitel']),
      str(S.ATTR_TELEMETRY_DISTRO_VERSION, 'The clitel version.', 'Which library version produced the data.', [CLITEL_VERSION]),
      str(S.ATTR_OS_TYPE, 'The operating system family.', 'Which platforms to support.', ['linux', 'darwin', 'windows']),
      str(S.ATTR_OS_VERSION, 'The OS kernel version, major.minor only.', 'Which platform versions to support.', ['6.1', '23.4']),
      str(S.ATTR_HOST_ARCH, 'The CPU architecture.', 'Which builds to ship.', ['amd64', 'arm64']),
      str(S.ATTR_PROCESS_RUNTIME_NAME, 'Always `nodejs`.', 'Which runtimes to support.', ['nodejs']),
      str(S.ATTR_PROCESS_RUNTIME_VERSION, 'The Node.js version.', 'Which runtime versions to support.', ['20.20.2']),
      str(A.ATTR_CLITEL_INSTALLATION_ID, 'A random id created on first use, kept in the state directory, resettable; never derived from the machine.', 'Counting active installations and version adoption.', ['0b6f0c1e-4c9a-4f51-9d8e-2f4b7c1d2e3f']),
      str(A.ATTR_CLITEL_SESSION_ID, 'A random id per process.', 'Grouping events of one process.', ['9c1d2e3f4b7c']),
      { key: A.ATTR_CLITEL_CI, type: 'boolean', description: 'Whether the run happened in CI.', why: 'Separating CI use from interactive use.', examples: ['false'], minimal: false },
      str(A.ATTR_CLITEL_CI_PROVIDER, 'The CI provider name, when in CI.', 'Which CI systems to support.', ['GitHub Actions']),
      str(A.ATTR_CLITEL_SOURCE, 'How the tool was started, as set by the tool.', 'Separating direct use from integrations.', ['cli']),
      str(A.ATTR_CLITEL_CHANNEL, 'How the tool was installed.', 'Which distribution channels matter.', ['npm', 'npx', 'homebrew', 'standalone']),
    ],
    events: [
      { name: A.EVENT_START, attributes: [runId] },
      ...(schema.stages != null && schema.stages.length > 0
        ? [{ name: A.EVENT_PROGRESS, attributes: [runId, str(A.ATTR_CLITEL_STAGE, 'The stage the tool reported, from the schema.', 'Where long commands spend their time and stop.', schema.stages.slice(0, 3), false, [...schema.stages])] }]
        : []),
      ...(schema.modules != null && schema.modules.length > 0
        ? [{
            name: A.EVENT_MODULE_LOAD,
            attributes: [
              runId,
              str(A.ATTR_CLITEL_MODULE_NAME, 'A module the schema names that was loaded during the run.', 'Which plugins are used.', schema.modules.slice(0, 3), false, [...schema.modules]),
              str(A.ATTR_CLITEL_MODULE_VERSION, "That module's version.", 'Plugin version adoption.', ['2.1.0']),
            ],
          }]
        : []),
      {
        name: S.EVENT_EXCEPTION,
        attributes: [
          runId,
          str(S.ATTR_EXCEPTION_TYPE, 'The error class name.', 'Which errors happen.', ['TypeError']),
          str(S.ATTR_EXCEPTION_STACKTRACE, 'Stack frames reduced to function names and package-relative file names; never the message.', 'Where errors happen.', ['TypeError\n    at deploy (bin/acme.js:12:9)']),
        ],
      },
      { name: A.EVENT_END, attributes: [runId] },
    ],
  };
}
