// What a tab and a workspace show: the label, indicator flags, and the same facts in words for
// screen readers (placed after the title so the accessible name still begins with it).
import type { ConnectionState } from '../../shared/bridge';
import type { Layout, LayoutTab, LayoutWorkspace, ProfileInfo, TabState } from '../../shared/protocol';
import { displayState } from './selectors';
import type { TabIndicators } from './ui-state';

export interface TabModel {
  id: string;
  title: string;
  /** The directory the shell is in (as last reported), for the tooltip. */
  cwd: string | null;
  state: TabState;
  exitCode: number | null;
  /** The foreground program when one other than the shell runs. */
  running: string | null;
  unseen: boolean;
  bell: boolean;
  /** The indicators in words, starting with ", " (empty when there is nothing to say). */
  description: string;
  /** The profile the tab starts (null: the default shell). */
  profile: string | null;
  /** The profile's mark before the title: its icon (else a dot) in its colour; null when it sets neither. */
  mark: { text: string; color: string | null } | null;
}

/** The profile a tab records, among those the hub offers (names match regardless of case). */
export function profileOf(tab: LayoutTab, profiles: readonly ProfileInfo[]): ProfileInfo | null {
  const name = tab.profile?.toLowerCase();
  return name === undefined ? null : (profiles.find((p) => p.name.toLowerCase() === name) ?? null);
}

export function tabTitle(tab: LayoutTab): string {
  return tab.customName ?? (tab.title.trim() || 'Terminal');
}

export function describeTab(
  tab: LayoutTab,
  indicators: TabIndicators | undefined,
  connection: ConnectionState,
  profile: ProfileInfo | null = null,
): TabModel {
  const state = displayState(tab, connection);
  const status = indicators?.status ?? null;
  const running =
    state === 'live' && status?.sessionId === tab.sessionId && status?.status === 'running'
      ? (status.command ?? 'a program')
      : null;
  const unseen = indicators?.unseen ?? false;
  const bell = indicators?.bell ?? false;
  const words: string[] = [];
  if (state === 'stale') words.push('stale');
  if (state === 'exited') words.push(`exited with code ${tab.exitCode ?? 0}`);
  if (running) words.push(`running ${running}`);
  if (unseen) words.push('new output');
  if (bell) words.push('bell');
  return {
    id: tab.id,
    title: tabTitle(tab),
    cwd: tab.cwd,
    state,
    exitCode: tab.exitCode,
    running,
    unseen,
    bell,
    description: words.length ? `, ${words.join(', ')}` : '',
    profile: tab.profile,
    mark:
      profile && (profile.icon !== null || profile.tabColor !== null)
        ? { text: profile.icon ?? '●', color: profile.tabColor }
        : null,
  };
}

export interface WorkspaceModel {
  id: string;
  name: string;
  tabCount: number;
  activity: boolean;
  bell: boolean;
  description: string;
}

export function describeWorkspace(
  layout: Layout,
  workspace: LayoutWorkspace,
  tabs: Readonly<Record<string, TabIndicators>>,
): WorkspaceModel {
  const activity = workspace.tabIds.some((id) => tabs[id]?.unseen);
  const bell = workspace.tabIds.some((id) => tabs[id]?.bell);
  const count = workspace.tabIds.filter((id) => layout.tabs[id]).length;
  const words = [`${count} ${count === 1 ? 'tab' : 'tabs'}`];
  if (activity) words.push('new output');
  if (bell) words.push('bell');
  return {
    id: workspace.id,
    name: workspace.name,
    tabCount: count,
    activity,
    bell,
    description: `, ${words.join(', ')}`,
  };
}
