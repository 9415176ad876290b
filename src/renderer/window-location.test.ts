import { describe, expect, it } from 'vitest';
import { withWorkspaceParam, workspaceParam } from './window-location';

describe('workspaceParam', () => {
  it('reads the workspace a page was opened to show', () => {
    expect(workspaceParam('?token=abc&workspace=w-2')).toBe('w-2');
    expect(workspaceParam('?workspace=')).toBeNull();
    expect(workspaceParam('?token=abc')).toBeNull();
    expect(workspaceParam('')).toBeNull();
  });
});

describe('withWorkspaceParam', () => {
  it('sets the workspace and keeps the token and everything else', () => {
    const next = withWorkspaceParam('http://127.0.0.1:4000/?token=t0k3n#x', 'w2');
    const url = new URL(next);
    expect(url.searchParams.get('token')).toBe('t0k3n');
    expect(url.searchParams.get('workspace')).toBe('w2');
    expect(url.hash).toBe('#x');
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:4000/');
  });

  it('replaces an earlier workspace and removes it for null', () => {
    expect(withWorkspaceParam('app://tabterm/?workspace=w1', 'w2')).toBe('app://tabterm/?workspace=w2');
    expect(withWorkspaceParam('http://h/?token=t&workspace=w1', null)).toBe('http://h/?token=t');
  });
});
