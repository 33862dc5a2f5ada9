// SPDX-License-Identifier: Apache-2.0
// Entry of the `@clitel/core/describe` subpath: what a schema can make leave a machine, with the
// attribute table and its descriptions, for generators (`clitel docs`, @clitel/collector-config).
// It is its own bundle so that none of its text is loaded by a CLI at start-up.
export { describeSchema } from './describe/describe-schema.js';
export { ATTRIBUTE_DOCS } from './describe/attribute-docs.js';
export { ATTRIBUTE_KEYS, keysAt, rowOf } from './shared/attribute-table.js';
export type { AttributeInfo, SchemaDescription } from './describe/describe-schema.js';
export type { AttributeDoc } from './describe/attribute-docs.js';
export type { AttributeKey, AttributePlace, AttributeType, RunEventName } from './shared/attribute-table.js';
