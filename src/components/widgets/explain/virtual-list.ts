// A virtualised listbox: only the rows in view (and a few either side) are in the DOM, so a map of
// 50,000 clusters costs the page what 30 rows cost. Rows have one fixed height (CSS `--mtls-px-row`),
// the listbox carries aria-activedescendant, and every option its aria-posinset/aria-setsize, so a
// screen reader announces "row 3 of 41,000" although only a window of rows exists.
import { h } from '../shared/dom.ts';

const OVERSCAN = 8;

export interface VirtualListOptions<T> {
  /** The listbox element (role=listbox, tabindex=0) with a spacer child. */
  box: HTMLElement;
  idPrefix: string;
  /** Draws one row's content into its option element. */
  draw: (item: T, el: HTMLElement) => void;
  /** Enter, Space or a click on a row. */
  choose: (item: T, index: number) => void;
}

export class VirtualList<T> {
  private o: VirtualListOptions<T>;
  private spacer: HTMLElement;
  private items: T[] = [];
  private active = -1;
  private chosen = -1;
  private frame = 0;
  private rowPx = 0;

  constructor(o: VirtualListOptions<T>) {
    this.o = o;
    this.spacer = h('div', { class: 'mtls-px-spacer', role: 'presentation' });
    o.box.replaceChildren(this.spacer);
    o.box.addEventListener('scroll', () => this.schedule(), { passive: true });
    o.box.addEventListener('keydown', (e) => this.key(e));
    o.box.addEventListener('click', (e) => {
      const option = (e.target as Element).closest<HTMLElement>('[role="option"]');
      if (!option) return;
      const i = Number(option.dataset.index);
      this.setActive(i, false);
      this.pick(i);
    });
    // The first focus lands on the chosen row, or the first.
    o.box.addEventListener('focus', () => {
      if (this.active < 0 && this.items.length) this.setActive(Math.max(this.chosen, 0), true);
    });
  }

  get length(): number {
    return this.items.length;
  }

  /** Replaces the rows (after a new result or a new filter); keeps the scroll at the top. */
  set(items: T[]): void {
    // The same rows again (a filter that settles on what a kind switch already drew): keep the
    // reader's place and choice instead of starting over.
    if (items.length === this.items.length && items.every((item, i) => item === this.items[i])) return;
    this.items = items;
    this.active = -1;
    this.chosen = -1;
    this.o.box.removeAttribute('aria-activedescendant');
    this.o.box.scrollTop = 0;
    this.spacer.replaceChildren();
    this.spacer.style.height = `${items.length * this.row()}px`;
    this.draw();
  }

  /** Rows in the DOM right now (the test checks that it stays small). */
  rendered(): number {
    return this.spacer.childElementCount;
  }

  private row(): number {
    if (!this.rowPx) {
      const value = getComputedStyle(this.o.box).getPropertyValue('--mtls-px-row').trim();
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      this.rowPx = value.endsWith('rem') ? parseFloat(value) * rem : parseFloat(value) || 56;
    }
    return this.rowPx;
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    const rowPx = this.row();
    const box = this.o.box;
    const first = Math.max(0, Math.floor(box.scrollTop / rowPx) - OVERSCAN);
    const last = Math.min(this.items.length, Math.ceil((box.scrollTop + (box.clientHeight || rowPx * 10)) / rowPx) + OVERSCAN);
    // Reuse what is already drawn for rows still in the window; drop the rest.
    const keep = new Map<number, HTMLElement>();
    for (const el of [...this.spacer.children] as HTMLElement[]) {
      const i = Number(el.dataset.index);
      if (i >= first && i < last) keep.set(i, el);
      else el.remove();
    }
    for (let i = first; i < last; i++) {
      if (keep.has(i)) continue;
      const el = h('div', {
        role: 'option', id: `${this.o.idPrefix}-${i}`, class: 'mtls-px-row', 'data-index': i,
        'aria-posinset': i + 1, 'aria-setsize': this.items.length, 'aria-selected': String(i === this.chosen),
      });
      el.style.top = `${i * rowPx}px`;
      if (i === this.active) el.classList.add('mtls-px-active');
      this.o.draw(this.items[i]!, el);
      this.spacer.appendChild(el);
    }
  }

  private key(e: KeyboardEvent): void {
    const n = this.items.length;
    if (!n) return;
    const page = Math.max(1, Math.floor(this.o.box.clientHeight / this.row()) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    let next: number | undefined;
    if (e.key in moves) next = Math.min(n - 1, Math.max(0, (this.active < 0 ? -1 : this.active) + moves[e.key]!));
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = n - 1;
    else if ((e.key === 'Enter' || e.key === ' ') && this.active >= 0) {
      e.preventDefault();
      this.pick(this.active);
      return;
    }
    if (next === undefined) return;
    e.preventDefault();
    this.setActive(next, true);
  }

  private setActive(i: number, scroll: boolean): void {
    this.spacer.querySelector('.mtls-px-active')?.classList.remove('mtls-px-active');
    this.active = i;
    if (scroll) {
      const rowPx = this.row();
      const box = this.o.box;
      if (i * rowPx < box.scrollTop) box.scrollTop = i * rowPx;
      else if ((i + 1) * rowPx > box.scrollTop + box.clientHeight) box.scrollTop = (i + 1) * rowPx - box.clientHeight;
      this.draw(); // the row must exist before aria-activedescendant points at it
    }
    document.getElementById(`${this.o.idPrefix}-${i}`)?.classList.add('mtls-px-active');
    this.o.box.setAttribute('aria-activedescendant', `${this.o.idPrefix}-${i}`);
  }

  private pick(i: number): void {
    this.spacer.querySelector('[aria-selected="true"]')?.setAttribute('aria-selected', 'false');
    this.chosen = i;
    document.getElementById(`${this.o.idPrefix}-${i}`)?.setAttribute('aria-selected', 'true');
    this.o.choose(this.items[i]!, i);
  }
}
