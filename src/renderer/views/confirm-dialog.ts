// "Are you sure?" for actions that end running programs. A modal <dialog> (role alertdialog):
// Escape or Cancel keeps everything, the focused default is the safe choice.
import { el } from './dom';

export interface ConfirmOptions {
  title: string;
  message: string;
  confirmLabel: string;
  /** Text shown as it is (monospace, line breaks kept) below the message, e.g. the start of a paste. */
  preview?: string;
}

export function confirmDialog(options: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const titleId = `confirm-title-${Date.now()}`;
    const messageId = `${titleId}-message`;
    const cancel = el('button', { type: 'button', class: 'button' }, 'Cancel');
    const confirm = el('button', { type: 'button', class: 'button danger' }, options.confirmLabel);
    const dialog = el(
      'dialog',
      { class: 'dialog', role: 'alertdialog', 'aria-labelledby': titleId, 'aria-describedby': messageId },
      el('h2', { id: titleId, class: 'dialog-title' }, options.title),
      el('p', { id: messageId, class: 'dialog-message' }, options.message),
      ...(options.preview === undefined
        ? []
        : [el('pre', { class: 'dialog-preview', 'aria-label': 'Start of the text' }, options.preview)]),
      el('div', { class: 'dialog-buttons' }, cancel, confirm),
    );
    let answered = false;
    const answer = (value: boolean) => {
      if (answered) return;
      answered = true;
      dialog.close();
      dialog.remove();
      returnFocus?.focus();
      resolve(value);
    };
    cancel.addEventListener('click', () => answer(false));
    confirm.addEventListener('click', () => answer(true));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      answer(false);
    });
    dialog.addEventListener('keydown', (event) => event.stopPropagation());
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
