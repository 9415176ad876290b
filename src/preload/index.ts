// Electron preload (sandboxed, context-isolated): exposes the Bridge as `window.tabterm` and nothing
// else — no ipcRenderer, no event objects, no Node.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createPreloadBridge } from './preload-bridge';

const bridge = createPreloadBridge(
  ipcRenderer,
  (text) => console.warn(`[tabterm preload] ${text}`),
  webUtils,
);
contextBridge.exposeInMainWorld('tabterm', bridge);
