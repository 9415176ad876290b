// Windows treats environment names without regard to case (`Path`, `PATH`, `ComSpec`), but a copy of
// process.env is a plain object that does not, so a lookup by the POSIX spelling finds nothing there.

/** The variable `name` from `env`, by exact name on POSIX and without regard to case on Windows. */
export function envValue(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  platform: string,
): string | undefined {
  const exact = env[name];
  if (exact !== undefined || platform !== 'win32') return exact;
  const wanted = name.toUpperCase();
  for (const [key, value] of Object.entries(env)) {
    if (key.toUpperCase() === wanted && value !== undefined) return value;
  }
  return undefined;
}
