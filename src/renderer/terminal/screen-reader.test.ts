import { describe, expect, it } from 'vitest';
import { screenReaderOn } from './screen-reader';

describe('screenReaderOn', () => {
  it('obeys true and false whatever the OS says', () => {
    for (const os of [true, false, null]) {
      expect(screenReaderOn(true, os)).toBe(true);
      expect(screenReaderOn(false, os)).toBe(false);
    }
  });

  it('follows the OS on auto, and stays off where nothing reports', () => {
    expect(screenReaderOn('auto', true)).toBe(true);
    expect(screenReaderOn('auto', false)).toBe(false);
    expect(screenReaderOn('auto', null)).toBe(false);
  });
});
