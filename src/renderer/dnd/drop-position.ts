// Where a dragged tab or workspace lands. Pure geometry, so drag and drop can be tested without a
// browser.

/** The gap (0..n) nearest the pointer: how many items' midpoints lie before it. */
export function dropSlot(midpoints: readonly number[], pointer: number): number {
  let slot = 0;
  for (const midpoint of midpoints) if (pointer > midpoint) slot++;
  return slot;
}

/**
 * The index a move message carries (the hub removes the item first, then inserts at the index), or
 * null when dropping into this gap leaves the order as it was. `fromIndex` is null when the item
 * comes from another list.
 */
export function moveIndex(fromIndex: number | null, slot: number): number | null {
  if (fromIndex === null) return slot;
  if (slot === fromIndex || slot === fromIndex + 1) return null;
  return slot > fromIndex ? slot - 1 : slot;
}
