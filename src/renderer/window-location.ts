// A window's own workspace in its address: Electron opens windows with `?workspace=<id>`
// (src/main/electron/renderer-location.ts), `window.new` in a browser does the same, and the page keeps
// the parameter current so a reload comes back to the workspace it showed. Every other parameter
// (the browser host's token) stays as it is.
const PARAM = 'workspace';

/** The workspace a page was opened to show, if its address names one. */
export function workspaceParam(search: string): string | null {
  const value = new URLSearchParams(search).get(PARAM);
  return value === null || value === '' ? null : value;
}

/** `href` showing `workspaceId` (null: no parameter, the hub's last active workspace). */
export function withWorkspaceParam(href: string, workspaceId: string | null): string {
  const url = new URL(href);
  if (workspaceId === null) url.searchParams.delete(PARAM);
  else url.searchParams.set(PARAM, workspaceId);
  return url.toString();
}
