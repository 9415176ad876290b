// The tab strip (DESIGN.md §7): role tablist "Terminal tabs"; each tab a role tab whose accessible
// name begins with its title, aria-selected on the active one, data-state live|stale|exited, and
// its indicators in words after the title. Reorder by dragging (native HTML5 drag and drop, which
// also accepts tabs dragged from another window of the same host); keyboard: arrows, Home/End,
// Enter, F2 rename, Delete close, Alt+Shift+arrows move, Shift+F10 menu.
import { checkTabName } from '../../shared/names';
import type { LayoutWorkspace } from '../../shared/protocol';
import { carries, droppedId, startDrag } from '../dnd/drag-data';
import { dropSlot, moveIndex } from '../dnd/drop-position';
import type { TabModel } from '../state/tab-model';
import { el, ICONS, icon, reconcile, setAttribute, setText } from './dom';
import { startInlineRename } from './inline-rename';

export const TERMINAL_PANEL_ID = 'terminal-panel';

export interface TabStripActions {
  /** `pointer`: focus goes to the terminal; `keyboard`: focus stays in the strip. */
  activate(tabId: string, via: 'pointer' | 'keyboard'): void;
  /** The active tab was clicked again (a stale tab retries its session). */
  reselect(tabId: string): void;
  close(tabId: string): void;
  rename(tabId: string, name: string | null): void;
  /** `index` is the position after removal, as tab_move wants it. */
  move(tabId: string, workspaceId: string, index: number): void;
  create(): void;
  /** The New-tab menu: the profiles a tab can start, at `position`. */
  profileMenu(position: { x: number; y: number }): void;
  contextMenu(tabId: string, position: { x: number; y: number }): void;
}

interface TabParts {
  item: HTMLDivElement;
  tab: HTMLDivElement;
  stateIcon: HTMLSpanElement;
  mark: HTMLSpanElement;
  title: HTMLSpanElement;
  activity: HTMLSpanElement;
  bell: SVGSVGElement;
  close: HTMLButtonElement;
}

export function tabElementId(tabId: string): string {
  return `tab-${tabId}`;
}

export class TabStrip {
  readonly element: HTMLElement;
  private readonly list: HTMLDivElement;
  private readonly items = new Map<string, HTMLDivElement>();
  private readonly parts = new Map<string, TabParts>();
  private models: TabModel[] = [];
  private workspace: LayoutWorkspace | null = null;
  private renaming: string | null = null;
  private readonly closeHint: string;

  constructor(
    private readonly actions: TabStripActions,
    shortcuts: { newTab: string; closeTab: string },
  ) {
    this.list = el('div', { role: 'tablist', 'aria-label': 'Terminal tabs', class: 'tab-strip' });
    const newTab = el(
      'button',
      {
        type: 'button',
        class: 'icon-button new-tab',
        'aria-label': 'New tab',
        title: `New tab (${shortcuts.newTab})`,
      },
      icon(ICONS.plus, 'icon'),
    );
    newTab.addEventListener('click', () => actions.create());
    // The menu opens under the buttons from the keyboard (Enter, Space, ArrowDown) and the mouse alike;
    // right-click on + opens it too, as in Windows Terminal.
    const profileMenu = el(
      'button',
      {
        type: 'button',
        class: 'icon-button new-tab-menu',
        'aria-label': 'Tab profiles',
        'aria-haspopup': 'menu',
        title: 'New tab with profile…',
      },
      icon(ICONS.chevronDown, 'icon'),
    );
    const openProfileMenu = () => {
      const box = profileMenu.getBoundingClientRect();
      actions.profileMenu({ x: box.left, y: box.bottom });
    };
    profileMenu.addEventListener('click', openProfileMenu);
    profileMenu.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowDown') return;
      event.preventDefault();
      openProfileMenu();
    });
    newTab.addEventListener('contextmenu', (event) => {
      event.preventDefault();
      actions.profileMenu({ x: event.clientX, y: event.clientY });
    });
    this.closeHint = shortcuts.closeTab;
    this.element = el(
      'header',
      { class: 'tab-bar' },
      this.list,
      el('div', { class: 'new-tab-group', role: 'group', 'aria-label': 'New tab' }, newTab, profileMenu),
    );
    this.list.addEventListener('keydown', (event) => this.onKeyDown(event));
    this.list.addEventListener('dragover', (event) => this.onDragOver(event));
    this.list.addEventListener('dragleave', (event) => {
      if (!(event.relatedTarget instanceof Node && this.list.contains(event.relatedTarget)))
        this.clearDropMarker();
    });
    this.list.addEventListener('drop', (event) => this.onDrop(event));
  }

  update(workspace: LayoutWorkspace | null, models: TabModel[]): void {
    this.workspace = workspace;
    this.models = models;
    reconcile(
      this.list,
      this.items,
      models.map((m) => m.id),
      (id) => this.createItem(id),
    );
    for (const model of models) this.updateItem(model, workspace?.activeTabId === model.id);
    for (const id of this.parts.keys()) if (!this.items.has(id)) this.parts.delete(id);
  }

  /** Starts renaming a tab in place (F2, double-click, menu, command). */
  rename(tabId: string): void {
    const parts = this.parts.get(tabId);
    const model = this.models.find((m) => m.id === tabId);
    if (!parts || !model || this.renaming) return;
    this.renaming = tabId;
    parts.item.draggable = false;
    startInlineRename({
      label: parts.title,
      fieldName: 'Tab name',
      initial: model.title,
      // An empty name gives the tab back its automatic title.
      check: (value) => {
        if (value.trim() === '') return null;
        const check = checkTabName(value);
        return check.ok ? null : check.message;
      },
      commit: (value) => {
        const name = value.trim() === '' ? null : value.trim();
        if (name !== model.title || name === null) this.actions.rename(tabId, name);
      },
      done: () => {
        this.renaming = null;
        parts.item.draggable = true;
        parts.tab.focus();
      },
    });
  }

  private createItem(tabId: string): HTMLDivElement {
    const stateIcon = el('span', { class: 'tab-state', 'aria-hidden': 'true' });
    const mark = el('span', { class: 'tab-mark', 'aria-hidden': 'true' });
    const title = el('span', { class: 'tab-title' });
    const activity = el('span', { class: 'tab-activity', 'aria-hidden': 'true' });
    const bell = icon(ICONS.bell, 'icon tab-bell');
    const tab = el(
      'div',
      { role: 'tab', id: tabElementId(tabId), class: 'tab', 'aria-controls': TERMINAL_PANEL_ID },
      stateIcon,
      mark,
      title,
      activity,
      bell,
    );
    const close = el(
      'button',
      { type: 'button', class: 'icon-button tab-close', tabindex: '-1' },
      icon(ICONS.close, 'icon'),
    );
    const item = el('div', { class: 'tab-item', role: 'none', draggable: 'true' }, tab, close);
    item.dataset.tabId = tabId;

    tab.addEventListener('click', () => {
      if (this.workspace?.activeTabId === tabId) this.actions.reselect(tabId);
      else this.actions.activate(tabId, 'pointer');
    });
    tab.addEventListener('dblclick', () => this.rename(tabId));
    item.addEventListener('auxclick', (event) => {
      if (event.button === 1) this.actions.close(tabId);
    });
    item.addEventListener('contextmenu', (event) => {
      event.preventDefault();
      this.actions.contextMenu(tabId, { x: event.clientX, y: event.clientY });
    });
    close.addEventListener('click', (event) => {
      event.stopPropagation();
      this.actions.close(tabId);
    });
    item.addEventListener('dragstart', (event) => {
      if (!event.dataTransfer) return;
      startDrag(event.dataTransfer, 'tab', tabId);
      item.classList.add('dragging');
    });
    item.addEventListener('dragend', () => {
      item.classList.remove('dragging');
      this.clearDropMarker();
    });
    this.parts.set(tabId, { item, tab, stateIcon, mark, title, activity, bell, close });
    return item;
  }

  private updateItem(model: TabModel, selected: boolean): void {
    const parts = this.parts.get(model.id);
    if (!parts) return;
    const { tab } = parts;
    setAttribute(tab, 'aria-selected', String(selected));
    setAttribute(tab, 'tabindex', selected ? '0' : '-1');
    setAttribute(tab, 'data-state', model.state);
    setAttribute(tab, 'data-running', model.running !== null);
    setAttribute(tab, 'title', tooltip(model));
    if (this.renaming !== model.id) setText(parts.title, model.title);
    // The name is the title, then the indicators in words (the icons say the same to the eye).
    setAttribute(tab, 'aria-label', `${model.title}${model.description}`);
    setText(parts.stateIcon, stateGlyph(model));
    setAttribute(tab, 'data-profile', model.profile);
    setText(parts.mark, model.mark?.text ?? '');
    parts.mark.hidden = model.mark === null;
    parts.mark.style.color = model.mark?.color ?? '';
    parts.activity.hidden = !model.unseen;
    parts.bell.style.display = model.bell ? '' : 'none';
    setAttribute(parts.close, 'aria-label', `Close ${model.title}`);
    setAttribute(parts.close, 'title', `Close (${this.closeHint})`);
  }

  private onKeyDown(event: KeyboardEvent): void {
    const target =
      event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('[role="tab"]') : null;
    const tabId = target?.closest<HTMLElement>('.tab-item')?.dataset.tabId;
    if (!target || !tabId || !this.workspace) return;
    const ids = this.models.map((m) => m.id);
    const index = ids.indexOf(tabId);
    const focusAndActivate = (next: number) => {
      const id = ids[(next + ids.length) % ids.length];
      if (!id) return;
      this.parts.get(id)?.tab.focus();
      this.actions.activate(id, 'keyboard');
    };
    const move = (delta: number) => {
      const to = index + delta;
      if (this.workspace && to >= 0 && to < ids.length) this.actions.move(tabId, this.workspace.id, to);
    };
    if (event.altKey && event.shiftKey && event.key === 'ArrowLeft') move(-1);
    else if (event.altKey && event.shiftKey && event.key === 'ArrowRight') move(1);
    else if (hasModifier(event)) return;
    else if (event.key === 'ArrowLeft') focusAndActivate(index - 1);
    else if (event.key === 'ArrowRight') focusAndActivate(index + 1);
    else if (event.key === 'Home') focusAndActivate(0);
    else if (event.key === 'End') focusAndActivate(ids.length - 1);
    else if (event.key === 'Enter' || event.key === ' ') this.actions.activate(tabId, 'pointer');
    else if (event.key === 'F2') this.rename(tabId);
    else if (event.key === 'Delete') this.actions.close(tabId);
    else if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      const rect = target.getBoundingClientRect();
      this.actions.contextMenu(tabId, { x: rect.left, y: rect.bottom });
    } else return;
    event.preventDefault();
    event.stopPropagation();
  }

  private slotAt(clientX: number): number {
    const mids = [...this.items.values()].map((item) => {
      const rect = item.getBoundingClientRect();
      return rect.left + rect.width / 2;
    });
    return dropSlot(mids, clientX);
  }

  private onDragOver(event: DragEvent): void {
    if (!event.dataTransfer || !carries(event.dataTransfer, 'tab') || !this.workspace) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    this.showDropMarker(this.slotAt(event.clientX));
  }

  private onDrop(event: DragEvent): void {
    this.clearDropMarker();
    if (!event.dataTransfer || !this.workspace) return;
    const tabId = droppedId(event.dataTransfer, 'tab');
    if (!tabId) return;
    event.preventDefault();
    const from = this.workspace.tabIds.indexOf(tabId);
    const index = moveIndex(from === -1 ? null : from, this.slotAt(event.clientX));
    if (index !== null) this.actions.move(tabId, this.workspace.id, index);
  }

  private showDropMarker(slot: number): void {
    const items = [...this.items.values()];
    items.forEach((item, i) => {
      item.classList.toggle('drop-before', i === slot);
      item.classList.toggle('drop-after', i === items.length - 1 && slot === items.length);
    });
  }

  private clearDropMarker(): void {
    for (const item of this.items.values()) item.classList.remove('drop-before', 'drop-after');
  }
}

function hasModifier(event: KeyboardEvent): boolean {
  return event.ctrlKey || event.altKey || event.metaKey;
}

function stateGlyph(model: TabModel): string {
  if (model.state === 'exited') return `✕ ${model.exitCode ?? 0}`;
  if (model.state === 'stale') return '◌';
  return model.running ? '●' : '';
}

function tooltip(model: TabModel): string {
  const details = model.description ? ` (${model.description.slice(2)})` : '';
  const where = model.cwd ? ` — ${model.cwd}` : '';
  const profile = model.profile ? ` [${model.profile}]` : '';
  return `${model.title}${profile}${where}${details}`;
}
