// The one place commands live: keys, buttons, context menus and the Electron menu all run a command
// by id, so each action has one implementation and one enabled/disabled rule.
import type { CommandId } from '../shared/settings';

export interface Command {
  id: CommandId;
  /** Words for menus and tooltips. */
  label: string;
  run(): void;
  /** False when the command cannot act now (no tab, no connection); keys then fall through. */
  isEnabled?(): boolean;
}

export class CommandRegistry {
  private readonly commands = new Map<CommandId, Command>();

  register(command: Command): void {
    if (this.commands.has(command.id)) throw new Error(`Command ${command.id} is registered twice.`);
    this.commands.set(command.id, command);
  }

  /** Every command, in the order registered (the palette lists them; later commands appear by themselves). */
  list(): Array<{ id: CommandId; label: string; enabled: boolean }> {
    return [...this.commands.values()].map((command) => ({
      id: command.id,
      label: command.label,
      enabled: command.isEnabled?.() ?? true,
    }));
  }

  has(id: CommandId): boolean {
    return this.commands.has(id);
  }

  isEnabled(id: CommandId): boolean {
    const command = this.commands.get(id);
    return command !== undefined && (command.isEnabled?.() ?? true);
  }

  label(id: CommandId): string | null {
    return this.commands.get(id)?.label ?? null;
  }

  /** Runs the command; false when it is unknown here or disabled (nothing happened). */
  run(id: CommandId): boolean {
    const command = this.commands.get(id);
    if (!command || !(command.isEnabled?.() ?? true)) return false;
    command.run();
    return true;
  }
}
