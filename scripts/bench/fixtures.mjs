// SPDX-License-Identifier: Apache-2.0
// Bench variants of the example CLI, derived from examples/acme/bin/acme.js so that every variant
// runs the very same program: `plain` has the telemetry lines removed, `sdk-node` replaces them
// with the obvious @opentelemetry/sdk-node set-up (the reference the issue measured), and the
// `.cjs` pair is the same program as a CommonJS host (`require('@clitel/commander')`).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const INSTRUMENT = /^telemetry = instrument\(.*\);$/m;
const IMPORT = "import { instrument } from '@clitel/commander';\n";

const SDK_NODE = `import { NodeSDK } from '@opentelemetry/sdk-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { trace } from '@opentelemetry/api';
const sdk = new NodeSDK({ serviceName: 'acme', traceExporter: new OTLPTraceExporter() });
sdk.start();
const span = trace.getTracer('acme').startSpan('acme');
process.on('exit', () => span.end());
program.hook('postAction', async () => { span.end(); await sdk.shutdown(); });
telemetry = { stage: (name) => span.addEvent(name) };`;

/** The same program as a CommonJS host: `require()` instead of `import`, no top-level await. */
function toCommonJs(source) {
  return source
    .replace(/^import \{ (.+) \} from '(.+)';$/gm, "const { $1 } = require('$2');")
    .replace(/import\.meta\.url/g, "require('node:url').pathToFileURL(__filename)")
    .replace(/^await (program\.parseAsync\(\));$/m, '$1;');
}

/** Writes the variants next to acme.js (so they resolve the same node_modules); returns their paths. */
export function writeVariants(repo) {
  const dir = join(repo, 'examples/acme/bin');
  const source = readFileSync(join(dir, 'acme.js'), 'utf8');
  if (!INSTRUMENT.test(source) || !source.includes(IMPORT)) throw new Error('acme.js changed shape; update scripts/bench/fixtures.mjs');
  const plain = source.replace(IMPORT, '').replace(INSTRUMENT, 'telemetry = { stage() {} };');
  const sdkNode = source.replace(IMPORT, '').replace(INSTRUMENT, SDK_NODE);
  const paths = {
    plain: join(dir, '.bench-plain.mjs'),
    sdkNode: join(dir, '.bench-sdk-node.mjs'),
    cjs: join(dir, '.bench-clitel.cjs'),
    plainCjs: join(dir, '.bench-plain.cjs'),
  };
  writeFileSync(paths.plain, plain);
  writeFileSync(paths.sdkNode, sdkNode);
  writeFileSync(paths.cjs, toCommonJs(source));
  writeFileSync(paths.plainCjs, toCommonJs(plain));
  return { ...paths, esm: join(dir, 'acme.js'), cleanup: () => Object.values(paths).forEach((p) => rmSync(p, { force: true })) };
}
