// `npm run serve`: the main side without Electron (DESIGN.md §6). Prints the URL to open, with a
// per-launch token, as its first line starting with "http".
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// The same watch the session host keeps on the hub: a tiny helper of plain Node, shared rather than copied.
import { watchParentExit } from '../../session-host/link/parent-watch';
import { ScrollbackSaving } from '../../shared/limits';
import type { Settings } from '../../shared/settings';
import { openScrollbackStore } from '../app/scrollback-store';
import { forkHostLauncher } from '../host/fork-host-link';
import { defaultShell } from '../hub/default-shell';
import { detectProfiles, machineDetectProbe, sshCommand } from '../hub/detect-profiles';
import { Hub } from '../hub/hub';
import type { AppNotice } from '../hub/hub-options';
import type { StoreNotice } from '../persistence/durable-store';
import { openAppStores } from '../persistence/stores';
import { createHttpServer } from './http-server';
import { openerFromEnv } from './path-opener';
import { parseServeOptions } from './serve-options';
import { allowedHostsFor, type GateConfig } from './ws-gate';

async function main(): Promise<void> {
  const parsed = parseServeOptions(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(parsed.message);
    process.exit(2);
  }
  const options = parsed.options;
  mkdirSync(options.dataDir, { recursive: true });
  const log = (line: string) => console.error(`[tabterm] ${line}`);
  const here = dirname(fileURLToPath(import.meta.url));
  const fromSource = import.meta.url.endsWith('.ts');
  const stores = openAppStores(options.dataDir, { log });
  for (const notice of stores.notices) log(`${notice.level}: ${notice.message}`);
  const history = openScrollbackStore(
    join(options.dataDir, 'scrollback'),
    ScrollbackSaving.maxCharsPerTab,
    log,
  );

  // --shell outranks the file, at start and after every save.
  const withShell = (settings: Settings): Settings =>
    options.shell ? { ...settings, shell: options.shell } : settings;
  const hub = await Hub.start({
    launcher: forkHostLauncher(hostModule(here, fromSource)),
    settings: withShell(stores.settings),
    persistence: stores.layout,
    scrollback: history.store,
    notices: [...stores.notices, ...history.notices].map(toAppNotice),
    homeDir: homedir(),
    defaultShell: defaultShell(),
    detectedProfiles: await detectProfiles(),
    sshCommand: sshCommand(machineDetectProbe()),
    env: process.env,
    updateSettings: (changes) => stores.files.settings.update(changes),
    settingsPath: stores.files.settings.path,
    openPath: openerFromEnv(process.env, process.platform),
    log,
  });

  stores.onNotice((notice) => hub.notify(toAppNotice(notice)));
  stores.files.settings.onChange((settings) => hub.applySettings(withShell(settings)));
  stores.files.settings.watch();

  const token = randomBytes(24).toString('base64url');
  let gate: GateConfig = { token, allowedHosts: [] };
  const server = createHttpServer({
    rendererDir: fromSource ? join(here, '../../../out/renderer') : join(here, '../renderer'),
    gate: () => gate,
    connect: (client) => hub.connect(client),
    log,
  });
  server.listen(options.port, options.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    gate = { token, allowedHosts: allowedHostsFor(options.host, port) };
    const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
    console.log(`http://${shownHost}:${port}/?token=${token}`);
    log(`data directory ${options.dataDir}; session host pid ${hub.hostPid}`);
  });
  server.on('error', (error) => {
    console.error(`Cannot listen on ${options.host}:${options.port}: ${error.message}`);
    process.exit(1);
  });

  let quitting = false;
  const quit = async (signal: string) => {
    if (quitting) return;
    quitting = true;
    log(`${signal}: closing every session`);
    server.close();
    stores.files.settings.close();
    const report = await hub.shutdown();
    stores.flush();
    if (report.forced.length > 0) log(`had to kill: ${report.forced.join(', ')}`);
    if (report.survivors.length > 0) log(`still alive after the timeout: ${report.survivors.join(', ')}`);
    process.exit(0);
  };
  process.on('SIGINT', () => void quit('SIGINT'));
  process.on('SIGTERM', () => void quit('SIGTERM'));
  process.on('SIGHUP', () => void quit('SIGHUP'));
  // Whatever started the server (scripts/serve.mjs, a process manager) died without stopping it.
  watchParentExit(process, () => void quit('the process that started the server exited'));
}

function toAppNotice({ level, code, message }: StoreNotice): AppNotice {
  return { level, code, message };
}

/** The built host beside this file, or the TypeScript source when running under tsx. */
function hostModule(here: string, fromSource: boolean): { modulePath: string; execArgv?: string[] } {
  if (fromSource) {
    return { modulePath: join(here, '../../session-host/host-main.ts'), execArgv: ['--import', 'tsx'] };
  }
  return { modulePath: join(here, 'session-host.js') };
}

main().catch((error: unknown) => {
  console.error(`Tabterm could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
