// The command palette: a modal dialog with a combobox (the query) that owns a listbox of matches.
// Typing ranks the items (palette/fuzzy.ts); ArrowUp/ArrowDown (and Home/End with Ctrl) move the
// choice, Enter runs it, Escape closes. Focus stays in the field; aria-activedescendant tells
// screen readers which option is chosen.
import { fuzzyRank } from '../palette/fuzzy';
import type { PaletteItem } from '../palette/palette-items';
import { el } from './dom';

export interface PaletteOptions {
  items: readonly PaletteItem[];
  /** Called after the dialog closed: with the chosen item, or null when nothing was chosen. */
  onClose(chosen: PaletteItem | null): void;
}

let open: HTMLDialogElement | null = null;

export function isPaletteOpen(): boolean {
  return open !== null;
}

function highlighted(label: string, positions: readonly number[]): Node[] {
  const chars = [...label];
  const marked = new Set(positions);
  const nodes: Node[] = [];
  let run = '';
  let runMarked = false;
  const flush = () => {
    if (run === '') return;
    nodes.push(runMarked ? el('mark', {}, run) : document.createTextNode(run));
    run = '';
  };
  chars.forEach((char, index) => {
    const isMarked = marked.has(index);
    if (isMarked !== runMarked) {
      flush();
      runMarked = isMarked;
    }
    run += char;
  });
  flush();
  return nodes;
}

export function openPalette(options: PaletteOptions): void {
  if (open) return;
  const listId = 'palette-list';
  const input = el('input', {
    type: 'text',
    class: 'palette-input',
    role: 'combobox',
    'aria-label': 'Command, tab, workspace or profile',
    'aria-autocomplete': 'list',
    'aria-expanded': 'true',
    'aria-controls': listId,
    placeholder: 'Type a command, a tab, a workspace or a profile',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const list = el('div', { role: 'listbox', id: listId, class: 'palette-list', 'aria-label': 'Matches' });
  const empty = el('div', { class: 'palette-empty' }, 'Nothing matches.');
  const dialog = el(
    'dialog',
    { class: 'dialog palette', 'aria-label': 'Command palette' },
    input,
    list,
    empty,
  );

  let shown: PaletteItem[] = [];
  let rows: HTMLDivElement[] = [];
  let selected = 0;
  let chosen: PaletteItem | null = null;

  const select = (index: number) => {
    const count = rows.length;
    if (count === 0) {
      input.removeAttribute('aria-activedescendant');
      return;
    }
    selected = ((index % count) + count) % count;
    rows.forEach((option, i) => {
      option.setAttribute('aria-selected', String(i === selected));
    });
    const current = rows[selected];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView?.({ block: 'nearest' });
    }
  };

  const render = () => {
    const ranked = fuzzyRank(input.value, options.items, (item) => item.label);
    shown = ranked.map((r) => r.item);
    rows = ranked.map(({ item, match }, index) => {
      const option = el(
        'div',
        {
          role: 'option',
          id: `palette-option-${index}`,
          class: 'palette-option',
          'aria-selected': 'false',
          'aria-disabled': item.disabled ? 'true' : null,
        },
        el('span', { class: 'palette-label' }, ...highlighted(item.label, match.positions)),
        el('span', { class: 'palette-detail' }, item.detail),
        ...(item.hint ? [el('kbd', { class: 'palette-hint' }, item.hint)] : []),
      );
      option.addEventListener('mousedown', (event) => event.preventDefault());
      option.addEventListener('click', () => choose(index));
      return option;
    });
    list.replaceChildren(...rows);
    empty.hidden = rows.length > 0;
    // The first enabled match is the one Enter runs.
    const firstEnabled = shown.findIndex((item) => !item.disabled);
    select(firstEnabled < 0 ? 0 : firstEnabled);
  };

  const choose = (index: number) => {
    const item = shown[index];
    if (!item || item.disabled) return;
    chosen = item;
    dialog.close();
  };

  input.addEventListener('input', render);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') select(selected + 1);
    else if (event.key === 'ArrowUp') select(selected - 1);
    else if (event.key === 'Home' && event.ctrlKey) select(0);
    else if (event.key === 'End' && event.ctrlKey) select(rows.length - 1);
    else if (event.key === 'Enter' && !event.isComposing) choose(selected);
    else return;
    event.preventDefault();
  });
  dialog.addEventListener('close', () => {
    open = null;
    dialog.remove();
    options.onClose(chosen);
  });
  // A click on the backdrop (outside the box) closes it, as Escape does.
  dialog.addEventListener('click', (event) => {
    if (event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside =
      event.clientX >= box.left &&
      event.clientX <= box.right &&
      event.clientY >= box.top &&
      event.clientY <= box.bottom;
    if (!inside) dialog.close();
  });

  open = dialog;
  document.body.append(dialog);
  render();
  dialog.showModal();
  input.focus();
}
