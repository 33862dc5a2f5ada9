// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import { compareVersions, newestVersion } from './semver.js';

describe('version order', () => {
  it('follows semver precedence', () => {
    const sorted = ['1.10.0', '1.2.0', '1.2.0-rc.1', '1.2.0-beta.2', '1.2.0-beta.11', 'v0.9.1', 'nightly'].sort(compareVersions);
    expect(sorted).toEqual(['nightly', 'v0.9.1', '1.2.0-beta.2', '1.2.0-beta.11', '1.2.0-rc.1', '1.2.0', '1.10.0']);
  });

  it('takes the newest release, and a prerelease only when nothing else exists', () => {
    expect(newestVersion(['1.4.2', '1.5.0-beta.1', '1.3.0', ''])).toBe('1.4.2');
    expect(newestVersion(['2.0.0-rc.1', '2.0.0-rc.2'])).toBe('2.0.0-rc.2');
    expect(newestVersion([''])).toBeUndefined();
  });
});
