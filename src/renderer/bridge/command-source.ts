// Commands that arrive from outside the page: the desktop app's menus, through the preload's
// optional Bridge.onCommand. The preload can only check their shape, so every id is validated here
// before it reaches the registry.
import type { Bridge } from '../../shared/bridge';
import { CommandId } from '../../shared/settings';

export interface CommandSource {
  onCommand(listener: (command: CommandId) => void): () => void;
}

export function commandSourceOf(bridge: Bridge, warn: (message: string) => void): CommandSource | null {
  const subscribe = bridge.onCommand?.bind(bridge);
  if (!subscribe) return null;
  return {
    onCommand(listener) {
      return subscribe((raw: unknown) => {
        const parsed = CommandId.safeParse(raw);
        if (parsed.success) listener(parsed.data);
        else warn(`ignored an unknown command from the menu: ${String(raw)}`);
      });
    },
  };
}
