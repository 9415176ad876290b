// Notices that the process that started the host has died, whatever the channel says: an orphan is
// re-parented (to init or a subreaper), so its ppid changes. Electron's parentPort has no disconnect
// event, and a hub killed with SIGKILL must not leave sessions running.
const CHECK_EVERY_MS = 1_000;

export function watchParentExit(proc: { readonly ppid: number }, onExit: () => void): void {
  const parent = proc.ppid;
  const timer = setInterval(() => {
    if (proc.ppid !== parent) {
      clearInterval(timer);
      onExit();
    }
  }, CHECK_EVERY_MS);
  // The watch alone must not keep the host alive.
  timer.unref();
}
