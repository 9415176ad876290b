// "Open Settings": the common options as a form, each saved to settings.json as it changes (main writes
// the file, keeping the user's comments, and every window follows). A modal dialog: Tab moves between
// labelled controls, Escape closes; a refused value is said in the dialog's status line.
import { schemeNames } from '../../shared/color-schemes';
import type { Settings } from '../../shared/settings';
import { el, setText } from './dom';
import {
  type FieldChange,
  fieldChange,
  type SettingsField,
  screenReaderChoice,
  shownSchemeName,
} from './settings-form';

export interface SettingsDialogOptions {
  settings: Settings;
  /** Where settings.json is (null until main has said). */
  settingsPath: string | null;
  save(change: FieldChange): void;
  importScheme(): void;
  /** The import's file chooser: it must sit inside the modal dialog, where the page is not inert. */
  picker: HTMLElement;
  /** The desktop app opens the file in the user's editor; the browser host can only say where it is. */
  openFile?: () => void;
  onClose(): void;
}

export interface SettingsDialog {
  /** The settings changed (this dialog's save, or an editor's): controls follow, unless being edited. */
  update(settings: Settings, settingsPath: string | null): void;
  showError(message: string): void;
  focus(): void;
  close(): void;
}

let nextId = 0;

function field(label: string, control: HTMLElement): HTMLElement {
  const id = `settings-field-${++nextId}`;
  control.id = id;
  return el('div', { class: 'settings-row' }, el('label', { for: id }, label), control);
}

function select(options: ReadonlyArray<[value: string, label: string]>): HTMLSelectElement {
  const element = el('select', { class: 'settings-control' });
  element.append(...options.map(([value, label]) => el('option', { value }, label)));
  return element;
}

export function openSettingsDialog(options: SettingsDialogOptions): SettingsDialog {
  const titleId = `settings-title-${++nextId}`;
  const fontFamily = el('input', { type: 'text', class: 'settings-control', spellcheck: 'false' });
  const fontSize = el('input', { type: 'number', class: 'settings-control', min: '6', max: '72', step: '1' });
  const theme = select([]);
  const cursorStyle = select([
    ['block', 'Block'],
    ['underline', 'Underline'],
    ['bar', 'Bar'],
  ]);
  const cursorBlink = el('input', { type: 'checkbox' });
  const screenReader = select([
    ['auto', 'Automatic (when the system reports a screen reader)'],
    ['on', 'On'],
    ['off', 'Off'],
  ]);
  const status = el('p', { class: 'settings-status', role: 'status' });
  const importButton = el('button', { type: 'button', class: 'button' }, 'Import Colour Scheme…');
  const fileButton = options.openFile
    ? el('button', { type: 'button', class: 'button' }, 'Open settings.json')
    : null;
  const fileNote = el('p', { class: 'settings-note' });
  const closeButton = el('button', { type: 'button', class: 'button' }, 'Close');

  const dialog = el(
    'dialog',
    { class: 'dialog settings-dialog', 'aria-labelledby': titleId },
    el('h2', { id: titleId, class: 'dialog-title' }, 'Settings'),
    field('Font family', fontFamily),
    field('Font size', fontSize),
    field('Colour scheme', theme),
    field('Cursor style', cursorStyle),
    el('div', { class: 'settings-row' }, el('label', {}, cursorBlink, ' Blinking cursor')),
    field('Screen reader support', screenReader),
    status,
    fileNote,
    el('div', { class: 'dialog-buttons' }, importButton, ...(fileButton ? [fileButton] : []), closeButton),
    options.picker,
  );

  const fill = (settings: Settings, settingsPath: string | null) => {
    const editing = document.activeElement;
    const set = (control: HTMLInputElement | HTMLSelectElement, value: string) => {
      if (control !== editing && control.value !== value) control.value = value;
    };
    set(fontFamily, settings.fontFamily);
    set(fontSize, String(settings.fontSize));
    const names = schemeNames(settings.colorSchemes);
    if ([...theme.options].map((o) => o.value).join('\n') !== names.join('\n'))
      theme.replaceChildren(...names.map((name) => el('option', { value: name }, name)));
    set(theme, shownSchemeName(settings));
    set(cursorStyle, settings.cursorStyle);
    cursorBlink.checked = settings.cursorBlink;
    set(screenReader, screenReaderChoice(settings.screenReaderMode));
    setText(
      fileNote,
      settingsPath
        ? `Everything else is in ${settingsPath}; saves there apply at once.`
        : 'Everything else is in settings.json in the data folder.',
    );
  };

  const save = (name: SettingsField, raw: string | boolean) => {
    const result = fieldChange(name, raw);
    if (!result.ok) return setText(status, result.error);
    setText(status, '');
    options.save(result.change);
  };
  fontFamily.addEventListener('change', () => save('fontFamily', fontFamily.value));
  fontSize.addEventListener('change', () => save('fontSize', fontSize.value));
  theme.addEventListener('change', () => save('theme', theme.value));
  cursorStyle.addEventListener('change', () => save('cursorStyle', cursorStyle.value));
  cursorBlink.addEventListener('change', () => save('cursorBlink', cursorBlink.checked));
  screenReader.addEventListener('change', () => save('screenReaderMode', screenReader.value));
  importButton.addEventListener('click', () => options.importScheme());
  fileButton?.addEventListener('click', () => options.openFile?.());

  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    dialog.close();
    dialog.remove();
    options.onClose();
  };
  closeButton.addEventListener('click', close);
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    close();
  });
  // The app's keys (and the terminal's) stay out of the form while it is open.
  dialog.addEventListener('keydown', (event) => event.stopPropagation());

  fill(options.settings, options.settingsPath);
  document.body.append(dialog);
  dialog.showModal();
  fontFamily.focus();

  return {
    update: fill,
    showError: (message) => setText(status, message),
    focus: () => dialog.focus(),
    close,
  };
}
