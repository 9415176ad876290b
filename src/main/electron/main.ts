// Electron entry (out/main/main.js). One instance per user; every web contents hardened as it is
// created; the app itself starts once Electron is ready (app-shell.ts).
import { app, dialog, protocol } from 'electron';
import { AppShell, openExternalSafely } from './app-shell';
import { hardenWebContents, registerAppScheme } from './security';

const log = (line: string) => console.error(`[tabterm] ${line}`);

// Must happen before `ready`.
registerAppScheme(protocol);

if (!app.requestSingleInstanceLock()) {
  // Another Tabterm owns the sessions; it brings itself forward (second-instance below).
  app.quit();
} else {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, (url) => openExternalSafely(url, log), log);
  });
  let shell: AppShell | null = null;
  let quitBeforeReady = false;

  app.on('second-instance', () => shell?.focus());
  app.on('activate', () => shell?.reopen());
  app.on('before-quit', (event) => {
    if (!shell) {
      quitBeforeReady = true;
      return;
    }
    if (shell.done) return;
    event.preventDefault();
    shell.requestQuit(true);
  });
  // Windows closed some other way than by the user (on macOS the app stays, as Mac apps do).
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') shell?.requestQuit(false);
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => (shell ? shell.requestQuit(false) : app.exit(0)));
  }

  app
    .whenReady()
    .then(async () => {
      shell = await AppShell.start({ mainDir: import.meta.dirname, log });
      if (quitBeforeReady) shell.requestQuit(false);
    })
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      log(`could not start: ${error instanceof Error ? error.stack : message}`);
      dialog.showErrorBox('Tabterm could not start', message);
      app.exit(1);
    });
}
