// A small accessible context menu (role menu): arrow keys move, Enter runs, Escape closes and
// focus returns where it was.
import { el } from './dom';

export interface MenuItem {
  label: string;
  run(): void;
  disabled?: boolean;
  /** Shown at the right, e.g. a key. */
  hint?: string;
}

let openMenu: { close(): void } | null = null;

export function closeContextMenu(): void {
  openMenu?.close();
}

export function openContextMenu(
  position: { x: number; y: number },
  items: readonly MenuItem[],
  label: string,
): void {
  closeContextMenu();
  const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const menu = el('div', { role: 'menu', class: 'context-menu', 'aria-label': label, tabindex: '-1' });
  const buttons = items.map((item) => {
    const button = el(
      'div',
      {
        role: 'menuitem',
        class: 'context-menu-item',
        tabindex: '-1',
        'aria-disabled': item.disabled ? 'true' : null,
      },
      el('span', {}, item.label),
      ...(item.hint ? [el('span', { class: 'context-menu-hint', 'aria-hidden': 'true' }, item.hint)] : []),
    );
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      if (item.disabled) return;
      close(false);
      item.run();
    });
    button.addEventListener('mouseenter', () => button.focus());
    return button;
  });
  menu.append(...buttons);

  const focusAt = (index: number) => {
    const count = buttons.length;
    buttons[((index % count) + count) % count]?.focus();
  };
  const current = () => buttons.indexOf(document.activeElement as HTMLDivElement);

  const onKey = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === 'ArrowDown') focusAt(current() + 1);
    else if (event.key === 'ArrowUp') focusAt(current() - 1);
    else if (event.key === 'Home') focusAt(0);
    else if (event.key === 'End') focusAt(buttons.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') close(true);
    else if (event.key === 'Enter' || event.key === ' ') {
      const index = current();
      const item = items[index];
      if (item && !item.disabled) {
        close(false);
        item.run();
      }
    } else return;
    event.preventDefault();
  };
  menu.addEventListener('keydown', onKey);

  const onOutside = (event: Event) => {
    if (event.target instanceof Node && menu.contains(event.target)) return;
    close(false);
  };
  function close(restoreFocus: boolean): void {
    if (openMenu !== handle) return;
    openMenu = null;
    document.removeEventListener('mousedown', onOutside, true);
    window.removeEventListener('blur', onBlur);
    menu.remove();
    if (restoreFocus) returnFocus?.focus();
  }
  const onBlur = () => close(false);
  const handle = { close: () => close(false) };
  openMenu = handle;

  document.body.append(menu);
  const { innerWidth, innerHeight } = window;
  const rect = menu.getBoundingClientRect();
  menu.style.left = `${Math.max(0, Math.min(position.x, innerWidth - rect.width - 4))}px`;
  menu.style.top = `${Math.max(0, Math.min(position.y, innerHeight - rect.height - 4))}px`;
  document.addEventListener('mousedown', onOutside, true);
  window.addEventListener('blur', onBlur);
  focusAt(0);
}
