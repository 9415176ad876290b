// The durable stores' backend in the desktop app: electron-store, which extends conf and writes the
// same way (atomic temp file + rename). Reading stays with DurableStore (see store-backend.ts).
import { ipcMain } from 'electron';
import ElectronStore from 'electron-store';
import { confLikeBackend, confOptions, type StoreBackendFactory } from '../persistence/store-backend';

const ELECTRON_STORE_CHANNEL = 'electron-store-get-data';

export const electronStoreBackend: StoreBackendFactory = ({ dir, name }) => {
  const store = new ElectronStore<Record<string, unknown>>({ ...confOptions, cwd: dir, name });
  // electron-store answers any page's sendSync on this channel with the data path and app version.
  // Our pages never need it, and every IPC handler must go through ipc-guard.ts: take it down again.
  ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL);
  return confLikeBackend(store);
};
