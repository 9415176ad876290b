import { describe, expect, it } from 'vitest';
import type { Bridge } from '../../shared/bridge';
import type { CommandId } from '../../shared/settings';
import { commandSourceOf } from './command-source';

function bridge(withCommands: boolean): { bridge: Bridge; fire: (id: string) => void } {
  let listener: ((command: CommandId) => void) | null = null;
  const base: Bridge = {
    send: () => {},
    onMessage: () => () => {},
    onConnection: () => () => {},
    openExternal: () => {},
  };
  if (withCommands) {
    base.onCommand = (l) => {
      listener = l;
      return () => {
        listener = null;
      };
    };
  }
  return { bridge: base, fire: (id) => listener?.(id as CommandId) };
}

describe('commandSourceOf', () => {
  it('is null when the bridge has no menu commands (the browser host)', () => {
    expect(commandSourceOf(bridge(false).bridge, () => {})).toBeNull();
  });

  it('passes known command ids and drops unknown ones with a warning', () => {
    const { bridge: b, fire } = bridge(true);
    const warnings: string[] = [];
    const source = commandSourceOf(b, (w) => warnings.push(w));
    const seen: CommandId[] = [];
    source?.onCommand((id) => seen.push(id));
    fire('tab.new');
    fire('tab.explode');
    expect(seen).toEqual(['tab.new']);
    expect(warnings).toHaveLength(1);
  });
});
