import { describe, expect, it } from 'vitest';
import type { Layout, LayoutTab, SessionStatus } from '../../shared/protocol';
import { liveTab } from '../../shared/testing/layout-fixtures';
import { describeTab, describeWorkspace, profileOf, tabTitle } from './tab-model';
import type { TabIndicators } from './ui-state';

const tab = (patch: Partial<LayoutTab> = {}) => liveTab('t1', { sessionId: 's1', ...patch });

function status(patch: Partial<SessionStatus> = {}): SessionStatus {
  return {
    sessionId: 's1',
    tabId: 't1',
    status: 'idle',
    exitCode: null,
    command: null,
    title: 'bash',
    cwd: null,
    bells: 0,
    lastOutputAt: 0,
    ...patch,
  };
}

function ind(patch: Partial<TabIndicators> = {}): TabIndicators {
  return { status: null, unseen: false, bell: false, hiddenSince: null, ...patch };
}

describe('tabTitle', () => {
  it('prefers the custom name, then the automatic title, then a fallback', () => {
    expect(tabTitle(tab({ customName: 'build' }))).toBe('build');
    expect(tabTitle(tab())).toBe('bash');
    expect(tabTitle(tab({ title: '  ' }))).toBe('Terminal');
  });
});

describe('profile marks', () => {
  const dev = { name: 'Dev', kind: 'shell', source: 'user', icon: '🛠', tabColor: '#112233' } as const;
  const plain = { name: 'zsh', kind: 'shell', source: 'detected', icon: null, tabColor: null } as const;
  const tinted = { ...plain, name: 'Ops', tabColor: '#ff0000' };

  it('finds the tab’s profile regardless of case and shows its icon in its colour', () => {
    const withDev = tab({ profile: 'dev' });
    expect(profileOf(withDev, [plain, dev])).toBe(dev);
    expect(describeTab(withDev, undefined, 'open', dev)).toMatchObject({
      profile: 'dev',
      mark: { text: '🛠', color: '#112233' },
    });
  });

  it('shows a dot for a colour without an icon, and no mark without either or without a profile', () => {
    expect(describeTab(tab({ profile: 'Ops' }), undefined, 'open', tinted).mark).toEqual({
      text: '●',
      color: '#ff0000',
    });
    expect(describeTab(tab({ profile: 'zsh' }), undefined, 'open', plain).mark).toBeNull();
    expect(profileOf(tab(), [dev])).toBeNull();
    expect(profileOf(tab({ profile: 'Gone' }), [dev])).toBeNull();
  });
});

describe('describeTab', () => {
  it('says nothing extra for an idle live tab', () => {
    const model = describeTab(tab(), ind({ status: status() }), 'open');
    expect(model).toMatchObject({ title: 'bash', state: 'live', running: null, description: '' });
  });

  it('names the running program, new output and a bell, after the title', () => {
    const model = describeTab(
      tab(),
      ind({ status: status({ status: 'running', command: 'vim' }), unseen: true, bell: true }),
      'open',
    );
    expect(model.running).toBe('vim');
    expect(model.description).toBe(', running vim, new output, bell');
  });

  it('shows stale and exited states with the exit code', () => {
    expect(describeTab(tab({ state: 'stale' }), undefined, 'open').description).toBe(', stale');
    expect(
      describeTab(tab({ state: 'exited', exitCode: 2, sessionId: null }), undefined, 'open').description,
    ).toBe(', exited with code 2');
  });

  it('shows every tab stale while the connection is down', () => {
    const model = describeTab(
      tab(),
      ind({ status: status({ status: 'running', command: 'top' }) }),
      'closed',
    );
    expect(model.state).toBe('stale');
    expect(model.running).toBeNull();
  });

  it('ignores a status left over from an earlier session of the tab', () => {
    const model = describeTab(
      tab({ sessionId: 's2' }),
      ind({ status: status({ status: 'running', command: 'vim' }) }),
      'open',
    );
    expect(model.running).toBeNull();
  });
});

describe('describeWorkspace', () => {
  const layout: Layout = {
    workspaces: [{ id: 'w1', name: 'Work', tabIds: ['t1', 't2'], activeTabId: 't1' }],
    tabs: { t1: tab(), t2: tab({ id: 't2' }) },
    activeWorkspaceId: 'w1',
  };

  it('counts tabs and rolls up activity and bells', () => {
    const quiet = describeWorkspace(layout, layout.workspaces[0]!, {});
    expect(quiet.description).toBe(', 2 tabs');
    const busy = describeWorkspace(layout, layout.workspaces[0]!, { t2: ind({ unseen: true, bell: true }) });
    expect(busy).toMatchObject({ activity: true, bell: true, description: ', 2 tabs, new output, bell' });
  });
});
