// The workspaces sidebar (DESIGN.md §7): role tablist "Workspaces", vertical; each workspace a role
// tab. Click switches, double-click / F2 / menu renames in place, drag reorders, and a tab dragged
// onto a workspace moves there (hovering a moment opens the workspace so the tab can be dropped at
// a position in its strip).
import { checkWorkspaceName } from '../../shared/names';
import { carries, droppedId, startDrag } from '../dnd/drag-data';
import { dropSlot, moveIndex } from '../dnd/drop-position';
import type { WorkspaceModel } from '../state/tab-model';
import { el, ICONS, icon, reconcile, setAttribute, setText } from './dom';
import { startInlineRename } from './inline-rename';

/** Hovering a dragged tab this long over a workspace opens it. */
export const SPRING_LOAD_MS = 700;

export interface SidebarActions {
  activate(workspaceId: string, via: 'pointer' | 'keyboard'): void;
  create(): void;
  rename(workspaceId: string, name: string): void;
  /** Asks for confirmation first when the workspace has live tabs. */
  remove(workspaceId: string): void;
  move(workspaceId: string, index: number): void;
  moveTabTo(tabId: string, workspaceId: string): void;
  contextMenu(workspaceId: string, position: { x: number; y: number }): void;
}

interface WorkspaceParts {
  item: HTMLDivElement;
  tab: HTMLDivElement;
  name: HTMLSpanElement;
  count: HTMLSpanElement;
  activity: HTMLSpanElement;
  bell: SVGSVGElement;
  remove: HTMLButtonElement;
}

export class Sidebar {
  readonly element: HTMLElement;
  private readonly list: HTMLDivElement;
  private readonly items = new Map<string, HTMLDivElement>();
  private readonly parts = new Map<string, WorkspaceParts>();
  private models: WorkspaceModel[] = [];
  private activeId: string | null = null;
  private renaming: string | null = null;
  private springTimer: ReturnType<typeof setTimeout> | null = null;
  private springTarget: string | null = null;

  constructor(private readonly actions: SidebarActions) {
    this.list = el('div', {
      role: 'tablist',
      'aria-label': 'Workspaces',
      'aria-orientation': 'vertical',
      class: 'workspace-list',
    });
    const create = el(
      'button',
      { type: 'button', class: 'button new-workspace' },
      icon(ICONS.plus, 'icon'),
      el('span', {}, 'New workspace'),
    );
    create.addEventListener('click', () => actions.create());
    this.element = el(
      'nav',
      { class: 'sidebar', 'aria-label': 'Workspaces sidebar' },
      el('div', { class: 'sidebar-heading', 'aria-hidden': 'true' }, 'Workspaces'),
      this.list,
      create,
    );
    this.list.addEventListener('keydown', (event) => this.onKeyDown(event));
    this.list.addEventListener('dragover', (event) => this.onListDragOver(event));
    this.list.addEventListener('drop', (event) => this.onListDrop(event));
    this.list.addEventListener('dragleave', (event) => {
      if (!(event.relatedTarget instanceof Node && this.list.contains(event.relatedTarget)))
        this.clearMarkers();
    });
  }

  update(models: WorkspaceModel[], activeId: string | null): void {
    this.models = models;
    this.activeId = activeId;
    reconcile(
      this.list,
      this.items,
      models.map((m) => m.id),
      (id) => this.createItem(id),
    );
    for (const id of this.parts.keys()) if (!this.items.has(id)) this.parts.delete(id);
    for (const model of models) this.updateItem(model, model.id === activeId);
  }

  rename(workspaceId: string): void {
    const parts = this.parts.get(workspaceId);
    const model = this.models.find((m) => m.id === workspaceId);
    if (!parts || !model || this.renaming) return;
    this.renaming = workspaceId;
    parts.item.draggable = false;
    const others = this.models.filter((m) => m.id !== workspaceId).map((m) => m.name);
    startInlineRename({
      label: parts.name,
      fieldName: 'Workspace name',
      initial: model.name,
      check: (value) => {
        const check = checkWorkspaceName(value, others);
        return check.ok ? null : check.message;
      },
      commit: (value) => {
        const check = checkWorkspaceName(value, others);
        if (check.ok && check.name !== model.name) this.actions.rename(workspaceId, check.name);
      },
      done: () => {
        this.renaming = null;
        parts.item.draggable = true;
        parts.tab.focus();
      },
    });
  }

  private createItem(workspaceId: string): HTMLDivElement {
    const name = el('span', { class: 'workspace-name' });
    const count = el('span', { class: 'workspace-count', 'aria-hidden': 'true' });
    const activity = el('span', { class: 'tab-activity', 'aria-hidden': 'true' });
    const bell = icon(ICONS.bell, 'icon tab-bell');
    const tab = el(
      'div',
      { role: 'tab', class: 'workspace', id: `workspace-${workspaceId}` },
      name,
      activity,
      bell,
      count,
    );
    const remove = el(
      'button',
      { type: 'button', class: 'icon-button workspace-delete', tabindex: '-1' },
      icon(ICONS.close, 'icon'),
    );
    const item = el('div', { class: 'workspace-item', role: 'none', draggable: 'true' }, tab, remove);
    item.dataset.workspaceId = workspaceId;

    tab.addEventListener('click', () => this.actions.activate(workspaceId, 'pointer'));
    tab.addEventListener('dblclick', () => this.rename(workspaceId));
    item.addEventListener('contextmenu', (event) => {
      event.preventDefault();
      this.actions.contextMenu(workspaceId, { x: event.clientX, y: event.clientY });
    });
    remove.addEventListener('click', (event) => {
      event.stopPropagation();
      this.actions.remove(workspaceId);
    });
    item.addEventListener('dragstart', (event) => {
      if (!event.dataTransfer) return;
      startDrag(event.dataTransfer, 'workspace', workspaceId);
      item.classList.add('dragging');
    });
    item.addEventListener('dragend', () => {
      item.classList.remove('dragging');
      this.clearMarkers();
    });
    // A dragged tab: this workspace is the drop target, and hovering opens it.
    item.addEventListener('dragenter', (event) => {
      if (event.dataTransfer && carries(event.dataTransfer, 'tab')) this.armSpring(workspaceId);
    });
    item.addEventListener('dragover', (event) => {
      if (!event.dataTransfer || !carries(event.dataTransfer, 'tab')) return;
      event.preventDefault();
      event.stopPropagation();
      event.dataTransfer.dropEffect = 'move';
      this.clearVisualMarkers();
      item.classList.add('drop-target');
    });
    item.addEventListener('dragleave', (event) => {
      if (event.relatedTarget instanceof Node && item.contains(event.relatedTarget)) return;
      item.classList.remove('drop-target');
      if (this.springTarget === workspaceId) this.disarmSpring();
    });
    item.addEventListener('drop', (event) => {
      if (!event.dataTransfer || !carries(event.dataTransfer, 'tab')) return;
      event.preventDefault();
      event.stopPropagation();
      this.clearMarkers();
      const tabId = droppedId(event.dataTransfer, 'tab');
      if (tabId) this.actions.moveTabTo(tabId, workspaceId);
    });
    this.parts.set(workspaceId, { item, tab, name, count, activity, bell, remove });
    return item;
  }

  private updateItem(model: WorkspaceModel, selected: boolean): void {
    const parts = this.parts.get(model.id);
    if (!parts) return;
    setAttribute(parts.tab, 'aria-selected', String(selected));
    setAttribute(parts.tab, 'tabindex', selected ? '0' : '-1');
    if (this.renaming !== model.id) setText(parts.name, model.name);
    setAttribute(parts.tab, 'aria-label', `${model.name}${model.description}`);
    setText(parts.count, String(model.tabCount));
    parts.activity.hidden = !model.activity || selected;
    parts.bell.style.display = model.bell && !selected ? '' : 'none';
    setAttribute(parts.remove, 'aria-label', `Delete workspace ${model.name}`);
    setAttribute(parts.remove, 'title', `Delete workspace ${model.name}`);
    parts.remove.hidden = this.models.length <= 1;
  }

  private onKeyDown(event: KeyboardEvent): void {
    const target =
      event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('[role="tab"]') : null;
    const id = target?.closest<HTMLElement>('.workspace-item')?.dataset.workspaceId;
    if (!target || !id) return;
    const ids = this.models.map((m) => m.id);
    const index = ids.indexOf(id);
    const focusAndActivate = (next: number) => {
      const nextId = ids[(next + ids.length) % ids.length];
      if (!nextId) return;
      this.parts.get(nextId)?.tab.focus();
      this.actions.activate(nextId, 'keyboard');
    };
    if (event.altKey && event.shiftKey && event.key === 'ArrowUp' && index > 0)
      this.actions.move(id, index - 1);
    else if (event.altKey && event.shiftKey && event.key === 'ArrowDown' && index < ids.length - 1)
      this.actions.move(id, index + 1);
    else if (event.ctrlKey || event.altKey || event.metaKey) return;
    else if (event.key === 'ArrowUp') focusAndActivate(index - 1);
    else if (event.key === 'ArrowDown') focusAndActivate(index + 1);
    else if (event.key === 'Home') focusAndActivate(0);
    else if (event.key === 'End') focusAndActivate(ids.length - 1);
    else if (event.key === 'Enter' || event.key === ' ') this.actions.activate(id, 'pointer');
    else if (event.key === 'F2') this.rename(id);
    else if (event.key === 'Delete') this.actions.remove(id);
    else if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      const rect = target.getBoundingClientRect();
      this.actions.contextMenu(id, { x: rect.right, y: rect.top });
    } else return;
    event.preventDefault();
    event.stopPropagation();
  }

  private slotAt(clientY: number): number {
    const mids = [...this.items.values()].map((item) => {
      const rect = item.getBoundingClientRect();
      return rect.top + rect.height / 2;
    });
    return dropSlot(mids, clientY);
  }

  private onListDragOver(event: DragEvent): void {
    if (!event.dataTransfer || !carries(event.dataTransfer, 'workspace')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const slot = this.slotAt(event.clientY);
    const items = [...this.items.values()];
    items.forEach((item, i) => {
      item.classList.toggle('drop-before', i === slot);
      item.classList.toggle('drop-after', i === items.length - 1 && slot === items.length);
    });
  }

  private onListDrop(event: DragEvent): void {
    this.clearMarkers();
    if (!event.dataTransfer) return;
    const workspaceId = droppedId(event.dataTransfer, 'workspace');
    if (!workspaceId) return;
    event.preventDefault();
    const from = this.models.findIndex((m) => m.id === workspaceId);
    if (from === -1) return;
    const index = moveIndex(from, this.slotAt(event.clientY));
    if (index !== null) this.actions.move(workspaceId, index);
  }

  private armSpring(workspaceId: string): void {
    if (this.springTarget === workspaceId) return;
    this.disarmSpring();
    if (workspaceId === this.activeId) return;
    this.springTarget = workspaceId;
    this.springTimer = setTimeout(() => {
      this.springTimer = null;
      if (this.springTarget === workspaceId) this.actions.activate(workspaceId, 'keyboard');
    }, SPRING_LOAD_MS);
  }

  private disarmSpring(): void {
    if (this.springTimer) clearTimeout(this.springTimer);
    this.springTimer = null;
    this.springTarget = null;
  }

  private clearMarkers(): void {
    this.disarmSpring();
    this.clearVisualMarkers();
  }

  private clearVisualMarkers(): void {
    for (const item of this.items.values()) item.classList.remove('drop-before', 'drop-after', 'drop-target');
  }
}
