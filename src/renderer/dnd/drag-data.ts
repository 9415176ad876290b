// What a drag carries. Custom MIME types only: a dragged tab must never drop as text into a
// terminal (its textarea would type the title into the shell). Ids are checked on the way in
// because a drop can come from any page or window.
import { Id } from '../../shared/protocol';

export const TAB_MIME = 'application/x-tabterm-tab';
export const WORKSPACE_MIME = 'application/x-tabterm-workspace';

export type DragKind = 'tab' | 'workspace';

const MIME: Record<DragKind, string> = { tab: TAB_MIME, workspace: WORKSPACE_MIME };

export interface TransferLike {
  readonly types: readonly string[];
  getData(format: string): string;
  setData(format: string, data: string): void;
  effectAllowed: string;
}

export function startDrag(transfer: TransferLike, kind: DragKind, id: string): void {
  transfer.setData(MIME[kind], id);
  transfer.effectAllowed = 'move';
}

/** During dragover only the types are readable, not the data. */
export function carries(transfer: Pick<TransferLike, 'types'>, kind: DragKind): boolean {
  return transfer.types.includes(MIME[kind]);
}

export function droppedId(transfer: Pick<TransferLike, 'getData'>, kind: DragKind): string | null {
  const parsed = Id.safeParse(transfer.getData(MIME[kind]));
  return parsed.success ? parsed.data : null;
}
