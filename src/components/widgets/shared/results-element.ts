// What the widgets share in drawing their outcome: a results area and a status line (a live
// region), and a problem (too large, timed out, crashed) said in both.
import { h } from './dom.ts';

export class ResultsElement extends HTMLElement {
  protected results!: HTMLElement;
  protected status!: HTMLElement;

  /** Draws the results and the status line, and marks the widget no longer busy. */
  protected render(nodes: Node[], status: string): void {
    this.results.replaceChildren(...nodes);
    this.status.textContent = status;
    this.removeAttribute('aria-busy');
  }

  protected problem(message: string): void {
    this.render([h('p', { class: 'mtls-problem', role: 'alert' }, message)], message);
  }
}
