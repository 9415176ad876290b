import { describe, expect, it } from 'vitest';
import { WindowDefaults } from '../../shared/limits';
import { cascadeFrom, centredIn, placeWindow } from './window-bounds';

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const right = { x: 1920, y: 0, width: 1280, height: 984 };

describe('placeWindow', () => {
  it('centres the default size on the primary display when nothing was saved', () => {
    expect(placeWindow(null, [primary], primary)).toEqual({
      x: (1920 - WindowDefaults.width) / 2,
      y: (1040 - WindowDefaults.height) / 2,
      width: WindowDefaults.width,
      height: WindowDefaults.height,
    });
  });

  it('keeps saved bounds that are on a display', () => {
    const saved = { x: 2000, y: 100, width: 900, height: 700 };
    expect(placeWindow(saved, [primary, right], primary)).toEqual(saved);
  });

  it('re-centres a window whose display is gone', () => {
    const saved = { x: 2000, y: 100, width: 900, height: 700 };
    expect(placeWindow(saved, [primary], primary)).toEqual(centredIn(primary));
  });

  it('re-centres a window with only a sliver left on screen', () => {
    const saved = { x: 1900, y: 100, width: 900, height: 700 };
    expect(placeWindow(saved, [primary], primary)).toEqual(centredIn(primary));
  });

  it('shrinks a window larger than its display', () => {
    const saved = { x: 0, y: 0, width: 3000, height: 2000 };
    expect(placeWindow(saved, [primary], primary)).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
  });

  it('never makes the default larger than a small screen', () => {
    const tiny = { x: 0, y: 0, width: 800, height: 600 };
    expect(centredIn(tiny)).toEqual({ x: 0, y: 0, width: 800, height: 600 });
  });
});

describe('cascadeFrom', () => {
  it('offsets a new window from the focused one', () => {
    const focused = { x: 100, y: 100, width: 800, height: 600 };
    const step = WindowDefaults.cascadePx;
    expect(cascadeFrom(focused, [primary], primary)).toEqual({
      x: 100 + step,
      y: 100 + step,
      width: 800,
      height: 600,
    });
  });

  it('centres when there is no focused window', () => {
    expect(cascadeFrom(null, [primary], primary)).toEqual(centredIn(primary));
  });
});
