// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from 'vitest';
import { withoutRegister } from './env.js';

describe('withoutRegister', () => {
  it('drops only this module from NODE_OPTIONS', () => {
    expect(withoutRegister({ NODE_OPTIONS: '--import=@clitel/register' }).NODE_OPTIONS).toBeUndefined();
    expect(withoutRegister({ NODE_OPTIONS: '--max-old-space-size=64 --import @clitel/register --enable-source-maps' }).NODE_OPTIONS)
      .toBe('--max-old-space-size=64 --enable-source-maps');
    expect(withoutRegister({ NODE_OPTIONS: '--import="@clitel/register" --import=other' }).NODE_OPTIONS).toBe('--import=other');
  });

  it('returns the same object when there is nothing to drop', () => {
    const env = { NODE_OPTIONS: '--import=@clitel/register-other', HOME: '/h' };
    expect(withoutRegister(env)).toEqual(env);
    const empty = {};
    expect(withoutRegister(empty)).toBe(empty);
  });
});
