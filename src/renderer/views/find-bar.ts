// Find in the shown terminal (search addon): Enter next, Shift+Enter previous, Escape closes and
// gives focus back to the terminal.
import type { SearchResults, TerminalView } from '../terminal/terminal-view';
import { el, ICONS, icon } from './dom';

export class FindBar {
  readonly element: HTMLDivElement;
  private readonly input: HTMLInputElement;
  private readonly count: HTMLSpanElement;
  private readonly caseToggle: HTMLInputElement;
  private target: TerminalView | null = null;

  constructor(private readonly currentView: () => TerminalView | null) {
    this.input = el('input', {
      type: 'text',
      role: 'searchbox',
      class: 'find-input',
      'aria-label': 'Find in terminal',
      placeholder: 'Find',
      spellcheck: 'false',
      autocomplete: 'off',
    });
    this.count = el('span', { class: 'find-count', role: 'status', 'aria-live': 'polite' });
    this.caseToggle = el('input', { type: 'checkbox', class: 'find-case' });
    const caseLabel = el('label', { class: 'find-case-label', title: 'Match case' }, this.caseToggle, 'Aa');
    const previous = el(
      'button',
      { type: 'button', class: 'icon-button', 'aria-label': 'Previous match' },
      '↑',
    );
    const next = el('button', { type: 'button', class: 'icon-button', 'aria-label': 'Next match' }, '↓');
    const close = el(
      'button',
      { type: 'button', class: 'icon-button', 'aria-label': 'Close find' },
      icon(ICONS.close, 'icon'),
    );
    this.element = el(
      'div',
      { class: 'find-bar', role: 'search', 'aria-label': 'Find in terminal' },
      this.input,
      this.count,
      caseLabel,
      previous,
      next,
      close,
    );
    this.element.hidden = true;
    previous.addEventListener('click', () => this.find('previous'));
    next.addEventListener('click', () => this.find('next'));
    close.addEventListener('click', () => this.close());
    this.caseToggle.addEventListener('change', () => this.find('next'));
    this.input.addEventListener('input', () => this.find('next', true));
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') this.find(event.shiftKey ? 'previous' : 'next');
      else if (event.key === 'Escape') this.close();
      else return;
      event.preventDefault();
      event.stopPropagation();
    });
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  open(): void {
    this.element.hidden = false;
    const selection = this.currentView()?.selection() ?? '';
    if (selection && !selection.includes('\n')) this.input.value = selection;
    this.input.focus();
    this.input.select();
    if (this.input.value) this.find('next', true);
  }

  close(): void {
    if (!this.isOpen) return;
    this.element.hidden = true;
    this.target?.clearSearch();
    this.target = null;
    this.count.textContent = '';
    this.currentView()?.focus();
  }

  /** The shown tab changed: searches apply to the new one. */
  viewChanged(): void {
    if (this.target && this.target !== this.currentView()) {
      this.target.clearSearch();
      this.target = null;
      this.count.textContent = '';
    }
  }

  showResults(view: TerminalView, results: SearchResults): void {
    if (view !== this.target) return;
    this.count.textContent =
      results.count === 0
        ? 'No results'
        : results.index < 0
          ? `${results.count}+ matches`
          : `${results.index + 1} of ${results.count}`;
  }

  private find(direction: 'next' | 'previous', incremental = false): void {
    const view = this.currentView();
    if (!view) return;
    this.target = view;
    const query = this.input.value;
    if (query === '') {
      view.clearSearch();
      this.count.textContent = '';
      return;
    }
    const options = { caseSensitive: this.caseToggle.checked, incremental };
    const found = direction === 'next' ? view.findNext(query, options) : view.findPrevious(query, options);
    if (!found) this.count.textContent = 'No results';
  }
}
