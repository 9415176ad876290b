// A file chooser without a visible control: commands open it, and the chosen file arrives as text.
// An <input type="file"> is the one chooser both hosts have (a sandboxed Electron page and a browser tab).
import { el } from './dom';

/** Files past this are not colour schemes; reading them would only stall the page. */
const MAX_BYTES = 2 * 1024 * 1024;

export class FilePicker {
  readonly element: HTMLInputElement;

  constructor(
    label: string,
    accept: string,
    onFile: (name: string, text: string) => void,
    onError: (message: string) => void,
  ) {
    this.element = el('input', { type: 'file', accept, 'aria-label': label, class: 'file-picker' });
    this.element.hidden = true;
    this.element.addEventListener('change', () => {
      const file = this.element.files?.[0];
      if (!file) return;
      if (file.size > MAX_BYTES) return onError(`${file.name} is too large to be a colour scheme.`);
      file.text().then(
        (text) => onFile(file.name, text),
        (error: unknown) => onError(`${file.name} cannot be read (${String(error)}).`),
      );
    });
  }

  open(): void {
    // The same file chosen twice must fire `change` again.
    this.element.value = '';
    this.element.click();
  }
}
