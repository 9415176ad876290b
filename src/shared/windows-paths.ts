// How Windows spells the paths a shell is found by, for code that runs on any platform and must read them.

/** A drive or UNC path (`C:\…`, `\\server\…`); `\dir` is not absolute: it depends on the current drive. */
export function isWindowsAbsolute(path: string): boolean {
  return /^([A-Za-z]:[\\/]|[\\/]{2}[^\\/])/.test(path);
}

/**
 * The folders of a Windows PATH, in order: split on `;`, quotes taken off, and only absolute ones, so
 * the current folder is never searched (CreateProcess would, which lets a planted `cmd.exe` win).
 */
export function windowsSearchDirs(pathVar: string): string[] {
  return pathVar
    .split(';')
    .map((dir) => dir.trim().replace(/^"(.*)"$/, '$1'))
    .filter(isWindowsAbsolute);
}
