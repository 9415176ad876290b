// Whether xterm's screen-reader mode is on: the setting, with 'auto' following what the desktop app
// learns from the OS (Electron's accessibility support). Where nothing tells (the browser host), 'auto'
// stays off: the mode costs a live region and a DOM tree per terminal, and people who need it can set true.
import type { Settings } from '../../shared/settings';

export function screenReaderOn(setting: Settings['screenReaderMode'], osReports: boolean | null): boolean {
  return setting === 'auto' ? osReports === true : setting;
}
