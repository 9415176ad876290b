import { describe, expect, it } from 'vitest';
import { carries, droppedId, startDrag, TAB_MIME, type TransferLike } from './drag-data';

function transfer(): TransferLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get types() {
      return [...data.keys()];
    },
    getData: (format) => data.get(format) ?? '',
    setData: (format, value) => void data.set(format, value),
    effectAllowed: 'uninitialized',
  };
}

describe('drag data', () => {
  it('carries a tab id under its own type and never as text', () => {
    const t = transfer();
    startDrag(t, 'tab', 'tab-1');
    expect(t.types).toEqual([TAB_MIME]);
    expect(t.effectAllowed).toBe('move');
    expect(carries(t, 'tab')).toBe(true);
    expect(carries(t, 'workspace')).toBe(false);
    expect(droppedId(t, 'tab')).toBe('tab-1');
  });

  it('refuses ids that are not ids (a drop from another page)', () => {
    const t = transfer();
    t.setData(TAB_MIME, '"><img src=x>');
    expect(droppedId(t, 'tab')).toBeNull();
    expect(droppedId(transfer(), 'tab')).toBeNull();
  });
});
