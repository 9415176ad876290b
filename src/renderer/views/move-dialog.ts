// "Move tab to workspace…": the keyboard way to do what dragging a tab onto the sidebar does.
// A modal dialog with a listbox of the other workspaces; arrows choose, Enter moves, Escape closes.
import { el } from './dom';

export interface MoveDialogOptions {
  tabTitle: string;
  workspaces: ReadonlyArray<{ id: string; name: string }>;
  onPick(workspaceId: string): void;
  onClose(): void;
}

export function openMoveDialog(options: MoveDialogOptions): void {
  const titleId = `move-title-${Date.now()}`;
  const listbox = el('div', {
    role: 'listbox',
    class: 'move-list',
    'aria-label': 'Destination workspace',
    tabindex: '0',
  });
  const optionsEls = options.workspaces.map((workspace, index) => {
    const option = el(
      'div',
      { role: 'option', class: 'move-option', id: `${titleId}-option-${index}`, 'aria-selected': 'false' },
      workspace.name,
    );
    option.addEventListener('click', () => pick(index));
    return option;
  });
  listbox.append(...optionsEls);
  const cancel = el('button', { type: 'button', class: 'button' }, 'Cancel');
  const dialog = el(
    'dialog',
    { class: 'dialog', 'aria-labelledby': titleId },
    el('h2', { id: titleId, class: 'dialog-title' }, `Move “${options.tabTitle}” to workspace`),
    options.workspaces.length
      ? listbox
      : el('p', { class: 'dialog-message' }, 'There is no other workspace. Create one first.'),
    el('div', { class: 'dialog-buttons' }, cancel),
  );

  let selected = 0;
  const select = (index: number) => {
    const count = optionsEls.length;
    if (count === 0) return;
    selected = ((index % count) + count) % count;
    optionsEls.forEach((option, i) => {
      option.setAttribute('aria-selected', String(i === selected));
    });
    listbox.setAttribute('aria-activedescendant', optionsEls[selected]?.id ?? '');
    optionsEls[selected]?.scrollIntoView({ block: 'nearest' });
  };
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    dialog.close();
    dialog.remove();
    options.onClose();
  };
  function pick(index: number): void {
    const workspace = options.workspaces[index];
    close();
    if (workspace) options.onPick(workspace.id);
  }

  listbox.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') select(selected + 1);
    else if (event.key === 'ArrowUp') select(selected - 1);
    else if (event.key === 'Home') select(0);
    else if (event.key === 'End') select(optionsEls.length - 1);
    else if (event.key === 'Enter' || event.key === ' ') pick(selected);
    else return;
    event.preventDefault();
  });
  cancel.addEventListener('click', close);
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    close();
  });
  dialog.addEventListener('keydown', (event) => event.stopPropagation());
  document.body.append(dialog);
  dialog.showModal();
  select(0);
  if (optionsEls.length) listbox.focus();
  else cancel.focus();
}
