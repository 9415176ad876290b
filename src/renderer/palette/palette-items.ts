// What the command palette offers: every registered command (with its key), then every tab, every
// workspace and every profile by name. Pure: the registry's list, the layout and the profiles in,
// plain items out; the view ranks them with fuzzy.ts and the app runs the chosen one.
import type { Layout, ProfileInfo } from '../../shared/protocol';
import type { CommandId } from '../../shared/settings';
import { tabTitle } from '../state/tab-model';

export type PaletteAction =
  | { kind: 'command'; id: CommandId }
  | { kind: 'tab'; tabId: string }
  | { kind: 'workspace'; workspaceId: string }
  | { kind: 'profile'; name: string };

export interface PaletteItem {
  /** Unique among the items (an element id is made of it). */
  key: string;
  /** What is matched and shown. */
  label: string;
  /** What kind of thing it is, in words ("Tab in Workspace 1"). */
  detail: string;
  /** A command's key as this platform writes it. */
  hint: string | null;
  disabled: boolean;
  action: PaletteAction;
}

export interface PaletteSources {
  commands: ReadonlyArray<{ id: CommandId; label: string; enabled: boolean }>;
  /** The key shown for a command, or null when none is bound. */
  keyFor(id: CommandId): string | null;
  layout: Layout | null;
  profiles: readonly ProfileInfo[];
  /** Whether a tab can be opened now (connected): profiles need it. */
  online: boolean;
}

export function paletteItems(sources: PaletteSources): PaletteItem[] {
  const items: PaletteItem[] = sources.commands.map((command) => ({
    key: `command:${command.id}`,
    label: command.label,
    detail: 'Command',
    hint: sources.keyFor(command.id),
    disabled: !command.enabled,
    action: { kind: 'command', id: command.id },
  }));
  const layout = sources.layout;
  for (const workspace of layout?.workspaces ?? []) {
    for (const tabId of workspace.tabIds) {
      const tab = layout?.tabs[tabId];
      if (!tab) continue;
      items.push({
        key: `tab:${tabId}`,
        label: tabTitle(tab),
        detail: `Tab in ${workspace.name}`,
        hint: null,
        disabled: false,
        action: { kind: 'tab', tabId },
      });
    }
  }
  for (const workspace of layout?.workspaces ?? []) {
    items.push({
      key: `workspace:${workspace.id}`,
      label: workspace.name,
      detail: 'Workspace',
      hint: null,
      disabled: false,
      action: { kind: 'workspace', workspaceId: workspace.id },
    });
  }
  sources.profiles.forEach((profile, index) => {
    items.push({
      key: `profile:${index}`,
      label: profile.name,
      detail: profile.kind === 'ssh' ? 'New tab: SSH profile' : 'New tab: profile',
      hint: null,
      disabled: !sources.online,
      action: { kind: 'profile', name: profile.name },
    });
  });
  return items;
}
