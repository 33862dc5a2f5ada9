// SPDX-License-Identifier: Apache-2.0
// OTel resource keys the report reads that @clitel/core does not export (local copies, as
// OTel contrib packages keep incubating semantic conventions).
export const ATTR_SERVICE_NAME = 'service.name';
export const ATTR_SERVICE_VERSION = 'service.version';
export const ATTR_OS_TYPE = 'os.type';
export const ATTR_HOST_ARCH = 'host.arch';
export const ATTR_PROCESS_RUNTIME_NAME = 'process.runtime.name';
export const ATTR_PROCESS_RUNTIME_VERSION = 'process.runtime.version';
