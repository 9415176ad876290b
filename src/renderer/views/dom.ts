// Small DOM helpers: build elements in one expression, keep a list's children in a given order
// without recreating them (so focus, drags and in-place editors survive re-renders).
type Attributes = Record<string, string | number | boolean | null | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) setAttribute(element, name, value);
  element.append(...children);
  return element;
}

/** Sets, or removes for null/undefined/false, an attribute ("class" sets className). */
export function setAttribute(element: Element, name: string, value: Attributes[string]): void {
  if (value === null || value === undefined || value === false) element.removeAttribute(name);
  else element.setAttribute(name, value === true ? '' : String(value));
}

export function setText(element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

/**
 * Makes `container`'s children exactly `keys`, in order: existing elements (by key) are reused and
 * moved only when out of place, missing ones created, the rest removed.
 */
export function reconcile<E extends HTMLElement>(
  container: HTMLElement,
  items: Map<string, E>,
  keys: readonly string[],
  create: (key: string) => E,
): void {
  const wanted = new Set(keys);
  for (const [key, element] of items) {
    if (wanted.has(key)) continue;
    element.remove();
    items.delete(key);
  }
  let cursor = container.firstElementChild;
  for (const key of keys) {
    let element = items.get(key);
    if (!element) {
      element = create(key);
      items.set(key, element);
    }
    if (element !== cursor) container.insertBefore(element, cursor);
    else cursor = cursor.nextElementSibling;
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A decorative 16×16 icon from one SVG path (hidden from screen readers: text says the same). */
export function icon(path: string, className: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', className);
  const shape = document.createElementNS(SVG_NS, 'path');
  shape.setAttribute('d', path);
  svg.append(shape);
  return svg;
}

export const ICONS = {
  bell: 'M8 1.5a1 1 0 0 1 1 1v.6a4.5 4.5 0 0 1 3.5 4.4v2.7l1.3 1.6a.5.5 0 0 1-.4.8H2.6a.5.5 0 0 1-.4-.8l1.3-1.6V7.5A4.5 4.5 0 0 1 7 3.1v-.6a1 1 0 0 1 1-1zM6.3 13.4h3.4a1.7 1.7 0 0 1-3.4 0z',
  chevronDown: 'M3.6 5.6 8 10l4.4-4.4.8.8L8 11.6 2.8 6.4z',
  close: 'M4.2 3.5 8 7.3l3.8-3.8.7.7L8.7 8l3.8 3.8-.7.7L8 8.7l-3.8 3.8-.7-.7L7.3 8 3.5 4.2z',
  plus: 'M7.4 2.5h1.2v4.9h4.9v1.2H8.6v4.9H7.4V8.6H2.5V7.4h4.9z',
} as const;

/** True when focus is in a field where keys mean text editing (not xterm's hidden textarea). */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.xterm')) return false;
  return (
    target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target.isContentEditable
  );
}

export function isModalOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}
