// The renderer's entry: pick the bridge (preload IPC or the browser host's WebSocket) and start on the
// workspace the address names, if any.
import './zod-config';
import '@xterm/xterm/css/xterm.css';
import './styles/app.css';
import { defaultSettings } from '../shared/settings';
import { App } from './app';
import { pickBridge } from './bridge/pick-bridge';
import { detectPlatform } from './keys/platform';
import { workspaceParam } from './window-location';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
new App(root, pickBridge(), detectPlatform(navigator), defaultSettings(), workspaceParam(location.search));
