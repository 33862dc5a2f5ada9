// SPDX-License-Identifier: Apache-2.0
// Resource keys the generator needs by name that @clitel/core describes but does not export as
// constants. deriveAllowlist() checks each one is in describeSchema(), so a rename in core fails
// generation instead of producing a config that silently filters everything.

export const ATTR_SERVICE_NAME = 'service.name';
export const ATTR_SERVICE_VERSION = 'service.version';
export const ATTR_OS_TYPE = 'os.type';
export const ATTR_TELEMETRY_DISTRO_NAME = 'telemetry.distro.name';

/** Every key above, for the presence check. */
export const REQUIRED_RESOURCE_KEYS: readonly string[] = [ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION, ATTR_OS_TYPE, ATTR_TELEMETRY_DISTRO_NAME];
