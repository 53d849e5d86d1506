// <mtls-decoder>: the decoder widget. The Astro component renders the form; this script decodes
// in a worker as the reader types and renders one card per recognised error. Every piece of
// pasted text reaches the page through text nodes only, and never leaves the browser.
import type { AccessLogInfo, DecodeResult, Match } from '../../../lib/decoder/types.ts';
import { docsUrl } from '../../../lib/site/urls.ts';
import { copyText, fill, h, pageData, richText } from '../shared/dom.ts';
import { fragmentParam, linkWith } from '../shared/share.ts';
import { privateKeyNotice } from '../shared/private-key.ts';
import { ResultsElement } from '../shared/results-element.ts';
import { startPolicyWorker } from '../shared/policy-worker.ts';
import { JobError, WorkerRunner } from '../shared/worker-runner.ts';
import type { DecoderPageData } from './page-data.ts';
import { DECODE_TIMEOUT_MS, MAX_DECODE_CHARS, type DecodeRequest, type DecodeResponse } from './protocol.ts';
import workerUrl from './worker.ts?worker&url';

const DEBOUNCE_MS = 250;
/** Links longer than this are not offered: some chat tools and browsers cut long URLs. */
const MAX_LINK_CHARS = 16_000;
const SHOWN_LINES = 8;

/** Matches of one catalog entry, in order of first appearance. */
interface Group { first: Match; all: Match[] }

class DecoderElement extends ResultsElement {
  private data!: DecoderPageData;
  private s!: Record<string, string>;
  private input!: HTMLTextAreaElement;
  private shareOut!: HTMLInputElement;
  private shareNote!: HTMLElement;
  private proxyField!: HTMLElement;
  private proxy!: HTMLSelectElement;
  private runner!: WorkerRunner<DecodeRequest, DecodeResponse>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private job = 0;

  connectedCallback(): void {
    this.data = pageData<DecoderPageData>(this, 'script[data-decoder-data]');
    this.s = this.data.strings;
    this.input = this.querySelector('textarea')!;
    this.results = this.querySelector('[data-results]')!;
    this.status = this.querySelector('[data-status]')!;
    this.shareOut = this.querySelector('[data-share-out]')!;
    this.shareNote = this.querySelector('[data-share-note]')!;
    this.proxyField = this.querySelector('[data-proxy-field]')!;
    this.proxy = this.querySelector('select[data-proxy]')!;

    this.runner = new WorkerRunner(() => startPolicyWorker(workerUrl), DECODE_TIMEOUT_MS);
    this.runner.init({ setup: { catalogJson: this.querySelector('script[data-decoder-catalog]')!.textContent ?? '[]', lang: this.data.lang } });

    this.input.addEventListener('input', () => this.schedule());
    this.proxy.addEventListener('change', () => this.schedule(0));
    this.querySelector('[data-clear]')!.addEventListener('click', () => this.setText('', ''));
    this.querySelector('[data-share]')!.addEventListener('click', () => void this.share());
    this.querySelectorAll<HTMLButtonElement>('[data-preset]').forEach((b) =>
      b.addEventListener('click', () => {
        const p = this.data.presets.find((x) => x.id === b.dataset.preset);
        if (p) this.setText(p.text, fill(this.s.presetLoaded!, { name: p.label }));
      }),
    );
    // Copy buttons live inside cards that are re-rendered: one listener for all of them.
    this.results.addEventListener('click', (e) => {
      const button = (e.target as Element).closest<HTMLButtonElement>('button[data-copy]');
      if (button) void this.copy(button);
    });
    window.addEventListener('hashchange', () => this.fromHash());
    this.removeAttribute('data-loading');
    if (!this.fromHash()) {
      this.runner.warm();
      if (this.input.value) this.schedule(0);
    }
  }

  /** `#q=<text>` or `#preset=<id>` fills the box; other fragments (heading anchors) are left alone. */
  private fromHash(): boolean {
    const q = fragmentParam(location.hash, 'q');
    if (q !== undefined) {
      this.setText(q, this.s.sharedFrom!);
      return true;
    }
    const id = fragmentParam(location.hash, 'preset');
    const p = this.data.presets.find((x) => x.id === id);
    if (p) {
      this.setText(p.text, fill(this.s.presetLoaded!, { name: p.label }));
      return true;
    }
    return false;
  }

  private setText(text: string, note: string): void {
    this.input.value = text;
    // A new text may come from another proxy: the reader says again if it matters.
    this.proxy.value = '';
    this.shareNote.textContent = note;
    this.shareOut.hidden = true;
    this.schedule(0);
  }

  private schedule(delay = DEBOUNCE_MS): void {
    // The results on screen are stale from now until the next check is drawn.
    this.setAttribute('aria-busy', 'true');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.decode(), delay);
  }

  private async decode(): Promise<void> {
    const text = this.input.value;
    const job = ++this.job;
    if (!text.trim()) {
      this.render([h('p', { class: 'mtls-hint' }, this.s.emptyHint!)], this.s.statusEmpty!);
      return;
    }
    // Checked here too, so a huge paste is not even copied to the worker.
    if (text.length > MAX_DECODE_CHARS) {
      this.problem(fill(this.s.tooLarge!, { n: text.length.toLocaleString(this.data.lang), max: MAX_DECODE_CHARS.toLocaleString(this.data.lang) }));
      return;
    }
    this.status.textContent = this.s.statusWorking!;
    this.setAttribute('aria-busy', 'true');
    let res: DecodeResponse;
    try {
      const proxy = this.proxy.value;
      res = await this.runner.run({ text, ...(proxy === 'sidecar' || proxy === 'gateway' ? { proxy } : {}) });
    } catch (e) {
      if (job !== this.job) return;
      const reason = e instanceof JobError ? e.reason : 'crash';
      this.problem(reason === 'timeout' ? fill(this.s.timeout!, { s: DECODE_TIMEOUT_MS / 1000 }) : this.s.crash!);
      return;
    }
    if (job !== this.job) return; // a newer paste is on its way
    if (res.kind === 'too-large') this.problem(fill(this.s.tooLarge!, { n: res.chars.toLocaleString(this.data.lang), max: MAX_DECODE_CHARS.toLocaleString(this.data.lang) }));
    else if (res.kind === 'binary') this.problem(this.s.binary!);
    else this.show(res.result, text);
  }

  /** `accessLog`: an access-log line was decoded, so which proxy wrote it is worth asking. */
  protected override render(nodes: Node[], status: string, accessLog = false): void {
    this.proxyField.hidden = !accessLog;
    super.render(nodes, status);
  }

  private show(result: DecodeResult, text: string): void {
    // A pasted key is said first: the reader should know it stayed here before reading on.
    const nodes: Node[] = privateKeyNotice(text, this.data.lang);
    const groups = new Map<string, Group>();
    for (const m of result.matches) {
      const g = groups.get(m.id);
      if (g) g.all.push(m);
      else groups.set(m.id, { first: m, all: [m] });
    }
    if (groups.size === 0) {
      if (result.accessLogs[0]) nodes.push(h('p', {}, this.s.accessLogOnly!), this.accessLog(result.accessLogs[0], result.accessLogs.length));
      nodes.push(this.notRecognised(result));
      this.render(nodes, this.s.statusNone!, result.accessLogs.length > 0);
      return;
    }
    for (const g of groups.values()) nodes.push(this.card(g));
    // The access-log reading (which hop, which flags) once, after the cards: the summary line
    // already names the hop, and the cards are what the reader came for.
    if (result.accessLogs[0]) nodes.push(this.accessLog(result.accessLogs[0], result.accessLogs.length));
    // The status line sits right under the paste box: it names the first error and its side, so
    // the answer is where the reader is looking before any card is read.
    const first = groups.values().next().value!.first;
    const summary = [first.title, this.data.sides[first.side] ?? first.side, fill(this.s.statusFound!, { n: groups.size, m: result.matches.length })];
    this.render(nodes, summary.join(' · '), result.accessLogs.length > 0);
  }

  private notRecognised(result: DecodeResult): HTMLElement {
    const box = h('div', { class: 'mtls-none' }, h('p', {}, h('strong', {}, this.s.notRecognised!)));
    if (result.candidates.length) {
      box.append(
        h('p', {}, this.s.notRecognisedHint!),
        h('ul', {}, ...result.candidates.map((c) => h('li', {}, h('a', { href: `${this.data.errorsBase}${c.id}/` }, c.title), ` — ${this.data.categories[c.category] ?? c.category}`))),
      );
    } else box.append(h('p', {}, this.s.noCandidates!));
    box.append(h('p', {}, h('a', { href: this.data.errorsBase }, this.s.errorIndex!)));
    return box;
  }

  private card(g: Group): HTMLElement {
    const m = g.first;
    const s = this.s;
    const headingId = `mtls-dec-${m.id}`;
    const lines = [...new Set(g.all.map((x) => x.line))];
    const lineText = lines.slice(0, SHOWN_LINES).join(', ') + (lines.length > SHOWN_LINES ? ` ${fill(s.moreLines!, { n: lines.length - SHOWN_LINES })}` : '');

    const facts = h('dl', { class: 'mtls-facts' },
      h('dt', {}, s.category!), h('dd', {}, h('span', { class: `mtls-cat`, 'data-category': m.category }, this.data.categories[m.category] ?? m.category)),
      h('dt', {}, s.where!), h('dd', { 'data-side': m.side }, this.data.sides[m.side] ?? m.side),
      h('dt', {}, s.component!), h('dd', {}, m.component),
      h('dt', {}, s.lines!), h('dd', {}, lineText),
      h('dt', {}, s.matched!), h('dd', {}, h('code', { class: 'mtls-matched' }, m.text)),
    );

    if (m.logger) facts.append(h('dt', {}, s.loggedBy!), h('dd', { 'data-logger': m.logger }, m.logger === 'client' ? s.loggerClient! : s.loggerServer!));
    const card = h('article', { class: 'mtls-card', 'aria-labelledby': headingId, 'data-id': m.id },
      h('h3', { id: headingId }, m.title),
      // An envelope ranked after its cause says first how the two relate.
      m.because && h('p', { class: 'mtls-because' }, richText(m.because)),
      facts,
      h('p', {}, richText(m.meaning)),
      m.perspective && h('p', { class: 'mtls-perspective' }, richText(m.perspective)),
    );
    if (m.decoded.length) {
      card.append(h('h4', {}, s.decoded!), h('ul', { class: 'mtls-decoded' },
        ...m.decoded.map((d) => h('li', {}, h('code', {}, d.raw), ' — ', richText(d.note)))));
    }
    card.append(h('h4', {}, s.causes!), h('ol', { class: 'mtls-causes' }, ...m.causes.map((c) => {
      const li = h('li', {}, h('p', {}, richText(c.text)));
      if (c.commands.length) {
        li.append(h('p', { class: 'mtls-cmd-label' }, s.confirm!), ...c.commands.map((cmd) => h('div', { class: 'mtls-cmd' },
          h('pre', {}, h('code', {}, cmd)),
          h('button', { type: 'button', 'data-copy': cmd, 'aria-label': fill(s.copyCommandLabel!, { cmd }) }, s.copy!))));
      }
      return li;
    })));
    card.append(h('h4', {}, s.fix!), h('p', {}, richText(m.fix)));

    const links = h('ul', { class: 'mtls-links' },
      h('li', {}, h('a', { href: `${this.data.errorsBase}${m.id}/`, 'data-error-link': m.id }, fill(s.catalog!, { title: m.title }))),
      m.inspect && h('li', {}, h('a', { href: this.data.inspectorUrl, 'data-inspect-link': '' }, s.inspect!),
        ...(m.certCommands ?? []).map((cmd) => h('div', { class: 'mtls-cmd' },
          h('pre', {}, h('code', {}, cmd)),
          h('button', { type: 'button', 'data-copy': cmd, 'aria-label': fill(s.copyCommandLabel!, { cmd }) }, s.copy!)))),
      // The inspector has its own link above on certificate cards.
      ...m.docs.filter((d) => !(m.inspect && d === 'tools/cert-inspector/')).map((d) => h('li', {}, h('a', { href: docsUrl(d, this.data.lang) }, this.data.pages[d] ?? d))),
      // Lab pages are titled "Lab: …" already; only a bare slug needs the label.
      ...m.labs.map((l) => {
        const title = this.data.pages[`labs/${l}/`];
        return h('li', {}, !title && `${s.lab}: `, h('a', { href: `${this.data.labsBase}${l}/` }, title ?? l));
      }),
    );
    card.append(h('h4', {}, s.readMore!), links);
    const related = m.related.filter((r) => this.data.titles[r]);
    if (related.length) {
      card.append(h('h4', {}, s.related!), h('ul', { class: 'mtls-links' },
        ...related.map((r) => h('li', {}, h('a', { href: `${this.data.errorsBase}${r}/` }, this.data.titles[r]!)))));
    }
    return card;
  }

  private accessLog(log: AccessLogInfo, count: number): HTMLElement {
    const s = this.s;
    const dl = h('dl', { class: 'mtls-facts' });
    if (count > 1) dl.append(h('dt', {}, s.lines!), h('dd', {}, fill(s.logLines!, { line: log.line, n: count })));
    if (log.side) dl.append(h('dt', {}, s.hop!), h('dd', {}, this.data.sides[log.side] ?? log.side));
    if (log.upstreamCluster) dl.append(h('dt', {}, s.cluster!), h('dd', {}, h('code', {}, log.upstreamCluster.raw)));
    const hop = log.meshHop;
    if (hop) {
      dl.append(h('dt', {}, s.meshHop!), h('dd', { 'data-hop': hop.hop },
        h('p', {}, richText(hop.note)),
        h('ul', { class: 'mtls-links' }, ...hop.links.map((l) => h('li', {}, h('a', { href: `${docsUrl(l.path, this.data.lang)}#${l.anchor}` }, richText(l.label))))),
        h('p', { class: 'mtls-cmd-label' }, s.hopCommands!),
        ...hop.commands.map((cmd) => h('div', { class: 'mtls-cmd' },
          h('pre', {}, h('code', {}, cmd)),
          h('button', { type: 'button', 'data-copy': cmd, 'aria-label': fill(s.copyCommandLabel!, { cmd }) }, s.copy!))),
      ));
    }
    if (log.responseFlags.length) {
      dl.append(h('dt', {}, s.responseFlags!), h('dd', {}, h('ul', {},
        ...log.responseFlags.map((f) => h('li', {}, h('code', {}, f.flag), f.long ? ` (${f.long})` : '', `: ${f.meaning}`)))));
    }
    return h('section', { class: 'mtls-log', 'aria-label': s.accessLog! }, h('p', {}, h('strong', {}, `${s.accessLog}: `), richText(log.summary)), dl);
  }

  private async copy(button: HTMLButtonElement): Promise<void> {
    const ok = await copyText(button.dataset.copy ?? '');
    button.textContent = ok ? this.s.copied! : this.s.copy!;
    this.status.textContent = ok ? this.s.copied! : this.s.copyFailed!;
    if (ok) setTimeout(() => (button.textContent = this.s.copy!), 2000);
  }

  private async share(): Promise<void> {
    const text = this.input.value;
    const link = linkWith(`q=${encodeURIComponent(text)}`);
    if (link.length > MAX_LINK_CHARS) {
      this.shareOut.hidden = true;
      this.shareNote.textContent = fill(this.s.shareTooLarge!, { max: MAX_LINK_CHARS.toLocaleString(this.data.lang) });
      return;
    }
    this.shareOut.value = link;
    this.shareOut.hidden = false;
    const copied = await copyText(link);
    this.shareNote.textContent = copied ? this.s.shareCopied! : this.s.shareMade!;
    this.shareOut.select();
  }
}

customElements.define('mtls-decoder', DecoderElement);
