// Rename in place: the label turns into a text field. Enter commits (when the name is valid),
// Escape cancels, leaving the field commits a valid name and cancels an invalid one. The check
// runs before anything is sent; the hub checks again.
import { el } from './dom';

export interface InlineRenameOptions {
  /** The element whose text is replaced by the field while editing. */
  label: HTMLElement;
  /** Accessible name of the field, e.g. "Tab name". */
  fieldName: string;
  initial: string;
  /** An error message for the value, or null when it may be sent. */
  check(value: string): string | null;
  commit(value: string): void;
  /** Called once editing ends, either way. */
  done(): void;
}

export function startInlineRename(options: InlineRenameOptions): void {
  const { label } = options;
  const input = el('input', {
    type: 'text',
    class: 'inline-rename',
    'aria-label': options.fieldName,
    spellcheck: 'false',
    autocomplete: 'off',
  });
  input.value = options.initial;
  const error = el('span', { class: 'inline-rename-error', role: 'alert' });
  const errorId = `rename-error-${Math.random().toString(36).slice(2)}`;
  error.id = errorId;
  input.setAttribute('aria-describedby', errorId);
  const previous = [...label.childNodes];
  label.replaceChildren(input, error);
  label.classList.add('renaming');

  let finished = false;
  const finish = (value: string | null) => {
    if (finished) return;
    finished = true;
    label.classList.remove('renaming');
    label.replaceChildren(...previous);
    if (value !== null) options.commit(value);
    options.done();
  };
  const showError = (message: string | null) => {
    error.textContent = message ?? '';
    input.setAttribute('aria-invalid', message ? 'true' : 'false');
    // The strip scrolls (and so clips); the message floats below the field instead.
    const rect = input.getBoundingClientRect();
    error.style.left = `${rect.left}px`;
    error.style.top = `${rect.bottom + 4}px`;
  };

  input.addEventListener('keydown', (event) => {
    // The field owns its keys: tab-strip navigation and drag handlers must not see them.
    event.stopPropagation();
    if (event.key === 'Enter') {
      event.preventDefault();
      const message = options.check(input.value);
      if (message) showError(message);
      else finish(input.value);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      finish(null);
    }
  });
  input.addEventListener('input', () => showError(null));
  input.addEventListener('blur', () => finish(options.check(input.value) ? null : input.value));
  // Clicks and drags inside the field edit text; they must not activate or drag the tab.
  for (const type of ['click', 'dblclick', 'mousedown', 'dragstart'] as const) {
    input.addEventListener(type, (event) => event.stopPropagation());
  }
  input.focus();
  input.select();
}
