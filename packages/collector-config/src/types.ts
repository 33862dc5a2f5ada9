// SPDX-License-Identifier: Apache-2.0
// Options of the collector-config generator.

/** Options of `generateCollectorConfig` / `writeCollectorConfig` and `clitel collector-config`. */
export interface CollectorConfigOptions {
  /** Schema file named in every generated header; only its base name is used. Default `telemetry.schema.json`. */
  schemaFileName?: string;
  /** Days of data the ClickHouse TTL and the file exporter's rotation keep. Default `30`. */
  retentionDays?: number;
  /** Largest OTLP request accepted, in MiB (HTTP body and gRPC message). Default `4`. */
  maxRequestMib?: number;
  /** `memory_limiter` hard limit in MiB; the spike limit is a fifth of it. Default `400`. */
  memoryLimitMib?: number;
  /** Longest string value kept on spans and resources, in bytes. Default `256`. */
  maxValueBytes?: number;
  /** Longest span-event value kept (the scrubbed stack trace), in bytes. Default `4096`. */
  maxEventValueBytes?: number;
}

/** `CollectorConfigOptions` with every default applied. */
export interface ResolvedCollectorConfigOptions {
  schemaFileName: string;
  retentionDays: number;
  maxRequestMib: number;
  memoryLimitMib: number;
  maxValueBytes: number;
  maxEventValueBytes: number;
}
