// <mtls-proxy-state>: the proxy state explainer widget. The Astro component renders the form; this
// script hands pasted text and dropped files to a worker (which reads files piece by piece and
// runs the engine), shows the reading progress with a stop button, and draws the findings cards
// and the TLS map as a virtualised list with a filter. Nothing pasted or dropped leaves the browser;
// only pasted text can be shared, in the URL fragment.
import { plural } from '../shared/strings.ts';
import { copyText, fill, h, pageData, richText } from '../shared/dom.ts';
import { startPolicyWorker } from '../shared/policy-worker.ts';
import { keyNote } from '../shared/private-key.ts';
import { fragmentParam, linkWith, packText, unpackText } from '../shared/share.ts';
import { LIVE_PASTE_CHARS, MAX_INPUT_BYTES, PRIVATE_KEY, type ExplainDone, type ExplainFacts, type ExplainInput, type ExplainProgress, type ExplainRequest, type ExplainRows, type FactsRequest } from './protocol.ts';
import type { ExplainStrings } from './strings.ts';
import { rowKey, type ExplainView, type Facts, type FindingView, type MapRow, type RowKind, type Severity } from './view.ts';
import { VirtualList } from './virtual-list.ts';
import workerUrl from './worker.ts?worker&url';

const DEBOUNCE_MS = 300;
/** Longer links break in chat tools and some browsers. */
const MAX_LINK_CHARS = 60_000;
/** Objects listed under one finding card; the rest are counted. */
const SHOWN_OBJECTS = 10;
const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const KINDS: RowKind[] = ['cluster', 'listener', 'secret', 'workload'];

export interface ExplainPageData {
  lang: 'ko' | 'en';
  strings: ExplainStrings;
  errorsBase: string;
  /** Catalog id → title; site path (no locale, trailing slash) → page title. */
  titles: Record<string, string>;
  pages: Record<string, string>;
  presets: { id: string; label: string; text: string }[];
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

class ProxyStateElement extends HTMLElement {
  private data!: ExplainPageData;
  private s!: ExplainStrings;
  private input!: HTMLTextAreaElement;
  private results!: HTMLElement;
  private status!: HTMLElement;
  private progress!: HTMLProgressElement;
  private cancelButton!: HTMLButtonElement;
  private filesList!: HTMLElement;
  private map!: HTMLElement;
  private filter!: HTMLInputElement;
  private listStatus!: HTMLElement;
  private details!: HTMLElement;
  private shareOut!: HTMLInputElement;
  private shareNote!: HTMLElement;
  private list!: VirtualList<MapRow>;
  private files: File[] = [];
  private view: ExplainView | undefined;
  /** Rows of the running job received so far (ExplainRows), until its ExplainDone. */
  private incoming: MapRow[] = [];
  private kind: RowKind = 'cluster';
  private worker: Worker | undefined;
  private busy = false;
  private job = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private filterTimer: ReturnType<typeof setTimeout> | undefined;

  private el<T extends HTMLElement>(name: string): T {
    return this.querySelector<T>(`[data-${name}]`)!;
  }

  connectedCallback(): void {
    this.data = pageData<ExplainPageData>(this, 'script[data-explain-data]');
    this.s = this.data.strings;
    this.input = this.el('input');
    this.results = this.el('results');
    this.status = this.el('status');
    this.progress = this.el('progress');
    this.cancelButton = this.el('cancel');
    this.filesList = this.el('files');
    this.map = this.el('map');
    this.filter = this.el('filter');
    this.listStatus = this.el('list-status');
    this.details = this.el('details');
    this.shareOut = this.el('share-out');
    this.shareNote = this.el('share-note');
    this.list = new VirtualList<MapRow>({
      box: this.el('list'),
      idPrefix: 'mtls-px-row',
      draw: (row, el) => this.drawRow(row, el),
      choose: (row) => this.showDetails(row),
    });

    this.input.addEventListener('input', () => this.schedule(this.input.value.length > LIVE_PASTE_CHARS ? 1000 : DEBOUNCE_MS));
    this.el<HTMLInputElement>('file').addEventListener('change', (e) => {
      const picker = e.target as HTMLInputElement;
      this.addFiles([...(picker.files ?? [])]);
      picker.value = '';
    });
    this.filesList.addEventListener('click', (e) => {
      const button = (e.target as Element).closest<HTMLButtonElement>('button[data-remove]');
      if (!button) return;
      this.files.splice(Number(button.dataset.remove), 1);
      this.drawFiles();
      this.schedule(0);
    });
    const drop = this.el('drop');
    drop.addEventListener('dragover', (e) => {
      e.preventDefault();
      drop.setAttribute('data-dragging', '');
    });
    drop.addEventListener('dragleave', () => drop.removeAttribute('data-dragging'));
    drop.addEventListener('drop', (e) => {
      e.preventDefault();
      drop.removeAttribute('data-dragging');
      this.addFiles([...(e.dataTransfer?.files ?? [])]);
    });
    this.cancelButton.addEventListener('click', () => this.cancel());
    this.el('clear').addEventListener('click', () => {
      this.files = [];
      this.drawFiles();
      this.setText('', '');
    });
    this.el('share').addEventListener('click', () => void this.share());
    this.querySelectorAll<HTMLButtonElement>('[data-preset]').forEach((b) =>
      b.addEventListener('click', () => this.loadPreset(b.dataset.preset ?? '')));
    this.querySelectorAll<HTMLInputElement>('input[data-kind]').forEach((radio) =>
      radio.addEventListener('change', () => {
        this.kind = radio.value as RowKind;
        clearTimeout(this.filterTimer); // the filter's pending run is done here
        this.applyFilter();
      }));
    this.filter.addEventListener('input', () => {
      clearTimeout(this.filterTimer);
      this.filterTimer = setTimeout(() => this.applyFilter(), 120);
    });
    // Links to the map from a finding card: select the kind and filter to the object.
    this.results.addEventListener('click', (e) => {
      const button = (e.target as Element).closest<HTMLButtonElement>('button[data-show]');
      if (button) this.showObject(button.dataset.show ?? '', button.dataset.kind as RowKind);
    });
    window.addEventListener('hashchange', () => void this.fromHash());
    this.removeAttribute('data-loading');
    void this.fromHash().then((loaded) => {
      if (!loaded && this.input.value) this.schedule(0);
    });
  }

  // ---- input ---------------------------------------------------------------------------------

  /** `#dump=<packed>` (a share link) or `#preset=<id>` fills the box; heading anchors are left alone. */
  private async fromHash(): Promise<boolean> {
    const packed = fragmentParam(location.hash, 'dump');
    if (packed !== undefined) {
      const r = await unpackText(packed);
      if (r.ok) this.setText(r.text, this.s.sharedFrom);
      else this.note(this.s.shareBroken);
      return r.ok;
    }
    const id = fragmentParam(location.hash, 'preset');
    if (id && this.data.presets.some((p) => p.id === id)) {
      this.loadPreset(id);
      return true;
    }
    return false;
  }

  private loadPreset(id: string): void {
    const p = this.data.presets.find((x) => x.id === id);
    if (p) this.setText(p.text, fill(this.s.presetLoaded, { name: p.label }));
  }

  private setText(text: string, note: string): void {
    this.input.value = text;
    this.note(note);
    this.schedule(0);
  }

  private note(text: string): void {
    this.shareNote.textContent = text;
    this.shareOut.hidden = true;
  }

  private addFiles(files: File[]): void {
    if (!files.length) return;
    this.files.push(...files);
    this.drawFiles();
    this.schedule(0);
  }

  private drawFiles(): void {
    this.filesList.replaceChildren(...this.files.map((f, i) => h('li', {},
      h('span', { 'data-file-name': true }, `${f.name} (${mb(f.size)})`), ' ',
      h('button', { type: 'button', 'data-remove': i, 'aria-label': fill(this.s.removeFile, { file: f.name }) }, '×'))));
    this.filesList.hidden = this.files.length === 0;
  }

  // ---- running the worker --------------------------------------------------------------------

  private schedule(delay = DEBOUNCE_MS): void {
    this.setAttribute('aria-busy', 'true');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), delay);
  }

  private run(): void {
    const job = ++this.job;
    const inputs: ExplainInput[] = [];
    if (this.input.value.trim()) inputs.push({ name: this.s.pasted, text: this.input.value });
    for (const file of this.files) inputs.push({ name: file.name, file });
    if (!inputs.length) {
      this.stopWorker();
      this.showEmpty();
      return;
    }
    const huge = this.files.find((f) => f.size > MAX_INPUT_BYTES);
    if (huge) {
      this.stopWorker();
      this.problem(fill(this.s.tooLarge, { file: huge.name, n: (huge.size / 1024 / 1024).toFixed(0), max: MAX_INPUT_BYTES / 1024 / 1024 }));
      return;
    }
    // A job still reading a large file is not waited for: its worker is stopped.
    if (this.busy) this.stopWorker();
    const worker = this.ensureWorker();
    this.busy = true;
    this.status.textContent = this.s.statusExplaining;
    this.progress.value = 0;
    this.showRunning(this.files.length > 0);
    this.incoming = [];
    const req: ExplainRequest = { inputs, lang: this.data.lang };
    worker.postMessage({ id: job, req });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startPolicyWorker(workerUrl);
    worker.addEventListener('message', (event: MessageEvent<ExplainProgress | ExplainRows | ExplainDone | ExplainFacts>) => {
      const msg = event.data;
      if (msg.id !== this.job) return; // a stopped or replaced job
      if ('progress' in msg) this.onProgress(msg.progress);
      else if ('rows' in msg) this.incoming.push(...msg.rows);
      else if ('facts' in msg) this.showFacts(msg.key, msg.facts);
      else {
        this.busy = false;
        this.showRunning(false);
        const rows = this.incoming;
        this.incoming = [];
        if (msg.res.kind === 'ok') this.show({ ...msg.res.view, rows });
        else this.problem(`${this.s.crash} (${msg.res.message})`);
      }
    });
    // Out of memory or an uncaught error: a fresh worker for the next job.
    worker.addEventListener('error', () => {
      this.stopWorker();
      this.problem(this.s.crash);
    });
    this.worker = worker;
    return worker;
  }

  private stopWorker(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.busy = false;
    this.showRunning(false);
  }

  private cancel(): void {
    this.job++;
    this.stopWorker();
    this.view = undefined;
    this.map.hidden = true;
    this.render([h('p', { class: 'mtls-hint', 'data-cancelled': true }, this.s.statusCancelled)], this.s.statusCancelled);
  }

  private onProgress(p: ExplainProgress['progress']): void {
    if (p.phase === 'explain') {
      this.status.textContent = this.s.statusExplaining;
      this.progress.removeAttribute('value'); // indeterminate while the engine works
      return;
    }
    const pct = p.total ? Math.floor((p.done / p.total) * 100) : 0;
    this.progress.value = p.total ? p.done / p.total : 0;
    this.status.textContent = fill(this.s.statusReading, { file: p.file, pct, total: mb(p.total) });
  }

  private showRunning(on: boolean): void {
    this.progress.hidden = !on;
    this.cancelButton.hidden = !on;
  }

  // ---- results -------------------------------------------------------------------------------

  private render(nodes: Node[], status: string): void {
    this.results.replaceChildren(...nodes);
    this.status.textContent = status;
    this.removeAttribute('aria-busy');
  }

  private showEmpty(): void {
    this.view = undefined;
    this.map.hidden = true;
    this.render([h('p', { class: 'mtls-hint' }, this.s.emptyHint)], this.s.statusEmpty);
  }

  private problem(message: string): void {
    this.view = undefined;
    this.map.hidden = true;
    this.render([h('p', { class: 'mtls-problem', role: 'alert' }, message)], message);
  }

  private show(view: ExplainView): void {
    const s = this.s;
    this.view = view;
    const nodes: Node[] = [];
    if (view.privateKey) nodes.push(keyNote(s.keyNote));
    if (view.problems.length) {
      nodes.push(h('section', { class: 'mtls-problems', 'aria-labelledby': 'mtls-px-problems' },
        h('h3', { id: 'mtls-px-problems' }, s.problemsHeading),
        h('ul', {}, ...view.problems.map((p) => h('li', { class: 'mtls-problem', 'data-problem': true, 'data-line': p.line, 'data-column': p.column },
          richText(p.line ? fill(s.problemAt, { file: p.file, line: p.line, column: p.column ?? 1, message: p.message }) : fill(s.problemFile, { file: p.file, message: p.message })))))));
    }
    if (view.inputs.length) {
      nodes.push(h('p', { class: 'mtls-hint', 'data-forms': true }, view.inputs.map((i) => `${i.file}: ${fill(s.readAs, { form: (s as Record<string, string>)[`form_${i.form}`] ?? i.form })}${i.proxy ? ` (${i.proxy})` : ''}`).join(' · ')));
    }
    if (view.rows.length || view.findings.length) {
      nodes.push(h('h3', {}, s.findingsHeading));
      nodes.push(view.findings.length ? this.cards(view.findings) : h('p', { class: 'mtls-ok', 'data-no-findings': true }, s.noFindings));
    }
    // One pass over the rows: a 200 MB dump has 50,000 of them.
    const kinds: Record<RowKind, number> = { cluster: 0, listener: 0, secret: 0, workload: 0 };
    for (const r of view.rows) kinds[r.kind]++;
    const count = (k: RowKind) => kinds[k];
    const sev = (k: Severity) => view.findings.filter((f) => f.severity === k).length;
    const n = { c: count('cluster'), l: count('listener'), s: count('secret'), e: sev('error'), w: sev('warning') };
    // Open the kind that has rows: a secrets-only dump starts on its secrets.
    if (!count(this.kind)) this.kind = KINDS.find((k) => count(k) > 0) ?? 'cluster';
    for (const radio of this.querySelectorAll<HTMLInputElement>('input[data-kind]')) {
      radio.checked = radio.value === this.kind;
      radio.nextElementSibling!.textContent = fill(s[`kind_${radio.value as RowKind}`], { n: count(radio.value as RowKind) });
      // ztunnel workloads only appear for a ztunnel dump; the other kinds always show their count.
      radio.parentElement!.hidden = radio.value === 'workload' && count('workload') === 0;
    }
    this.map.hidden = view.rows.length === 0;
    this.details.replaceChildren(h('p', { class: 'mtls-hint' }, s.detailsHint));
    this.applyFilter();
    this.render(nodes, fill(plural(s.statusDone, n), { ...n, ms: Math.round(view.ms) }));
  }

  /** One card per rule, most severe first; each lists the objects it was found on. */
  private cards(findings: FindingView[]): HTMLElement {
    const s = this.s;
    const byRule = new Map<string, FindingView[]>();
    for (const f of findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
    const groups = [...byRule.values()].sort((a, b) => ORDER[a[0]!.severity] - ORDER[b[0]!.severity]);
    return h('ol', { class: 'mtls-findings mtls-px-cards' }, ...groups.map((all) => {
      const f = all[0]!;
      const headingId = `mtls-px-f-${f.rule}`;
      const facts = h('dl', { class: 'mtls-facts' });
      if (f.field) facts.append(h('dt', {}, s.field), h('dd', {}, h('code', { 'data-field': true }, f.field)));
      const objects = all.filter((x) => x.object);
      if (objects.length) {
        facts.append(h('dt', {}, s.where), h('dd', {}, h('ul', {}, ...objects.slice(0, SHOWN_OBJECTS).map((x) => h('li', {},
          h('button', { type: 'button', class: 'mtls-px-show', 'data-show': x.object, 'data-kind': this.rowKind(x.object!) }, x.object!),
          this.files.length || this.view!.inputs.length > 1 ? ` (${x.file})` : '')),
        ...(objects.length > SHOWN_OBJECTS ? [h('li', { 'data-more': true }, fill(s.moreObjects, { n: objects.length - SHOWN_OBJECTS }))] : []))));
      }
      const links = h('ul', { class: 'mtls-links' });
      if (f.docs) {
        const page = f.docs.split('#')[0]!;
        links.append(h('li', {}, h('a', { href: `${this.data.lang === 'en' ? '/en/' : '/'}${f.docs}`, 'data-docs-link': true }, fill(s.docsLink, { title: this.data.pages[page] ?? f.docs }))));
      }
      if (f.error) links.append(h('li', {}, h('a', { href: `${this.data.errorsBase}${f.error}/`, 'data-error-link': f.error }, fill(s.catalog, { title: this.data.titles[f.error] ?? f.error }))));
      return h('li', { class: 'mtls-finding mtls-card', 'data-rule': f.rule, 'data-severity': f.severity, 'aria-labelledby': headingId },
        h('h4', { id: headingId }, h('span', { class: `mtls-sev mtls-sev-${f.severity}` }, s[`severity_${f.severity}`]), ' ', f.title, all.length > 1 ? ` (${all.length})` : ''),
        h('p', {}, richText(f.message)),
        facts,
        links.childElementCount ? links : null);
    }));
  }

  private rowKind(name: string): RowKind {
    return this.view?.rows.find((r) => r.name === name)?.kind ?? 'cluster';
  }

  private showObject(name: string, kind: RowKind): void {
    this.kind = kind;
    for (const radio of this.querySelectorAll<HTMLInputElement>('input[data-kind]')) radio.checked = radio.value === kind;
    this.filter.value = name;
    this.applyFilter();
    const row = this.view?.rows.find((r) => r.name === name && r.kind === kind);
    if (row) this.showDetails(row);
    this.el('list').focus();
  }

  private applyFilter(): void {
    const rows = this.view?.rows ?? [];
    const words = this.filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    const ofKind = rows.filter((r) => r.kind === this.kind);
    const shown = words.length ? ofKind.filter((r) => words.every((w) => r.search.includes(w))) : ofKind;
    this.list.set(shown);
    const kindLabel = fill(this.s[`kind_${this.kind}`], { n: ofKind.length });
    this.listStatus.textContent = shown.length ? fill(this.s.listLabel, { kind: kindLabel, n: shown.length, total: ofKind.length }) : this.s.noRows;
  }

  private drawRow(row: MapRow, el: HTMLElement): void {
    el.dataset.kind = row.kind;
    if (row.worst) el.dataset.severity = row.worst;
    el.append(
      h('span', { class: 'mtls-px-name' }, row.worst ? h('span', { class: `mtls-sev mtls-sev-${row.worst}` }, this.s[`severity_${row.worst}`]) : null, row.worst ? ' ' : null, row.name),
      h('span', { class: 'mtls-px-summary' }, row.summary),
    );
  }

  /** The heading and the row's findings at once; its facts come from the worker (showFacts). */
  private showDetails(row: MapRow): void {
    const s = this.s;
    const here = (this.view?.findings ?? []).filter((f) => row.targets.includes(f.target));
    this.details.dataset.key = rowKey(row);
    this.details.replaceChildren(
      h('h4', { 'data-details-name': true }, row.name),
      h('dl', { class: 'mtls-facts', 'data-facts': true, 'aria-busy': 'true' }),
      ...(here.length ? [h('h5', {}, s.rowFindings), h('ul', { class: 'mtls-findings' }, ...here.map((f) =>
        h('li', { class: 'mtls-finding', 'data-severity': f.severity }, h('span', { class: `mtls-sev mtls-sev-${f.severity}` }, s[`severity_${f.severity}`]), ' ', richText(f.message))))] : []),
    );
    this.worker?.postMessage({ id: this.job, facts: rowKey(row) } satisfies FactsRequest);
  }

  private showFacts(key: string, facts: Facts): void {
    const dl = this.details.querySelector<HTMLElement>('[data-facts]');
    if (!dl || this.details.dataset.key !== key) return; // another row was chosen meanwhile
    const label = (k: string) => (this.s as Record<string, string>)[`f_${k}`] ?? k;
    dl.replaceChildren(...facts.flatMap(([k, v]) => [h('dt', {}, label(k)), h('dd', {}, h('code', {}, v))]));
    dl.removeAttribute('aria-busy');
  }

  // ---- sharing -------------------------------------------------------------------------------

  private async share(): Promise<void> {
    if (this.files.length) {
      this.note(this.s.shareFiles);
      return;
    }
    // A key in a link ends up in chat logs and browser histories: never put one there.
    if (PRIVATE_KEY.test(this.input.value)) {
      this.note(this.s.shareKey);
      return;
    }
    const packed = await packText(this.input.value);
    if (packed.length > MAX_LINK_CHARS) {
      this.note(fill(this.s.shareTooLarge, { n: packed.length.toLocaleString(this.data.lang), max: MAX_LINK_CHARS.toLocaleString(this.data.lang) }));
      return;
    }
    const link = linkWith(`dump=${packed}`);
    this.shareOut.value = link;
    this.shareOut.hidden = false;
    const copied = await copyText(link);
    this.shareNote.textContent = copied ? this.s.shareCopied : this.s.shareMade;
    this.shareOut.select();
  }
}

customElements.define('mtls-proxy-state', ProxyStateElement);
