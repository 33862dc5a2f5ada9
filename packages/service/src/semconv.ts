// SPDX-License-Identifier: Apache-2.0
// Local copies of the semantic-convention keys a service resource uses that @clitel/core does not
// export; every other key comes from core.
export const ATTR_TELEMETRY_SDK_NAME = 'telemetry.sdk.name';
export const ATTR_TELEMETRY_SDK_LANGUAGE = 'telemetry.sdk.language';
export const ATTR_TELEMETRY_SDK_VERSION = 'telemetry.sdk.version';
export const ATTR_TELEMETRY_DISTRO_VERSION = 'telemetry.distro.version';
