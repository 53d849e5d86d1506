// <mtls-validator>: the config validator widget. CodeMirror holds the YAML; a worker lints it as
// the reader types (debounced, with a watchdog); findings, lint markers and the alignment map are
// drawn from the result. The page works before either arrives: the plain textarea and the example
// list are in the HTML, the editor is fetched when the reader reaches for the input (or loads an
// example or a shared link), and the worker, with the engine and its schemas, on the first check
// of a non-empty text. Pasted text reaches the page only through text nodes and CodeMirror, and
// never leaves the browser: share links carry it in the URL fragment.
import type { EditorView } from '@codemirror/view';
import type { AlignmentLink, AlignmentMap, BundleMap, End } from '../../../lib/validator/alignment.ts';
import type { Finding, Severity } from '../../../lib/validator/types.ts';
import { docsUrl } from '../../../lib/site/urls.ts';
import { copyText, fill, h, pageData, richText } from '../shared/dom.ts';
import { fragmentParam, linkWith, packText, unpackText } from '../shared/share.ts';
import { privateKeyNotice } from '../shared/private-key.ts';
import { ResultsElement } from '../shared/results-element.ts';
import { startPolicyWorker } from '../shared/policy-worker.ts';
import { JobError, WorkerRunner } from '../shared/worker-runner.ts';
type EditorModule = typeof import('./editor.ts');
import type { ValidatorPageData } from './page-data.ts';
import { plural } from '../shared/strings.ts';
import { istioctlDocs } from './strings.ts';
import { LINT_TIMEOUT_MS, type LintRequest, type LintResponse } from './protocol.ts';
import workerUrl from './worker.ts?worker&url';

const DEBOUNCE_MS = 300;
/** Longer links break in chat tools and some browsers. */
const MAX_LINK_CHARS = 60_000;
const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
/** `tools/validator-rules/#rule-id` → `tools/validator-rules/`: the key of the page titles. */
const pagePath = (docs: string) => docs.split('#')[0]!;

class ValidatorElement extends ResultsElement {
  private data!: ValidatorPageData;
  private s!: Record<string, string>;
  private view: EditorView | undefined;
  private editorModule: Promise<EditorModule> | undefined;
  private textarea!: HTMLTextAreaElement;
  private runner!: WorkerRunner<LintRequest, LintResponse>;
  private alignment!: HTMLElement;
  private shareOut!: HTMLInputElement;
  private shareNote!: HTMLElement;
  private presetSelect!: HTMLSelectElement;
  private presetDesc!: HTMLElement;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private job = 0;

  connectedCallback(): void {
    this.data = pageData<ValidatorPageData>(this, 'script[data-validator-data]');
    this.s = this.data.strings;
    this.results = this.querySelector('[data-results]')!;
    this.status = this.querySelector('[data-status]')!;
    this.alignment = this.querySelector('[data-alignment]')!;
    this.shareOut = this.querySelector('[data-share-out]')!;
    this.shareNote = this.querySelector('[data-share-note]')!;
    this.presetSelect = this.querySelector('select[data-presets]')!;
    this.presetDesc = this.querySelector('[data-preset-desc]')!;

    // The plain textarea works (and is checked) until the editor replaces it.
    this.textarea = this.querySelector('textarea')!;
    this.textarea.addEventListener('input', () => this.schedule());
    for (const type of ['focus', 'pointerdown'] as const) this.textarea.addEventListener(type, () => void this.editor(), { once: true });

    this.runner = new WorkerRunner(() => startPolicyWorker(workerUrl), LINT_TIMEOUT_MS);

    this.querySelector('[data-load-preset]')!.addEventListener('click', () => void this.loadPreset(this.presetSelect.value));
    this.presetSelect.addEventListener('change', () => this.describePreset(this.presetSelect.value));
    this.querySelector('[data-clear]')!.addEventListener('click', () => void this.setValue('', true));
    this.querySelector('[data-share]')!.addEventListener('click', () => void this.share());
    // Line buttons in findings and in the alignment map.
    this.addEventListener('click', (e) => {
      const b = (e.target as Element).closest<HTMLButtonElement>('button[data-goto]');
      if (b) void this.editor().then(({ gotoLine }) => gotoLine(this.view!, Number(b.dataset.goto), Number(b.dataset.column ?? 1)));
    });
    window.addEventListener('hashchange', () => void this.fromHash());
    this.removeAttribute('data-loading');
    // An empty input needs no worker: the empty-state message is drawn without it.
    void this.fromHash().then((loaded) => {
      if (!loaded) this.schedule(0);
    });
  }

  /** The CodeMirror editor, fetched and put in the textarea's place on first use. */
  private editor(): Promise<EditorModule> {
    this.editorModule ??= import('./editor.ts').then((mod) => {
      const textarea = this.textarea;
      const focused = document.activeElement === textarea;
      const host = h('div', { class: 'mtls-editor not-content', 'data-editor': true });
      const label = this.querySelector<HTMLLabelElement>('[data-editor-label]')!;
      const view = mod.createEditor({ parent: host, labelledBy: label.id, describedBy: textarea.getAttribute('aria-describedby') ?? '', onChange: () => this.schedule() });
      // What was typed so far carries over, with the cursor where it was.
      if (textarea.value) {
        mod.setText(view, textarea.value);
        view.dispatch({ selection: { anchor: Math.min(textarea.selectionEnd, textarea.value.length) } });
      }
      textarea.replaceWith(host);
      label.removeAttribute('for');
      label.addEventListener('click', () => view.focus());
      this.view = view;
      if (focused) view.focus();
      // Lint markers for what is already checked.
      if (textarea.value.trim()) this.schedule(0);
      return mod;
    });
    return this.editorModule;
  }

  private text(): string {
    return this.view ? this.view.state.doc.toString() : this.textarea.value;
  }

  /** Puts text in the input: through the editor, fetching it first. */
  private async setValue(text: string, focus = false): Promise<void> {
    const { setText } = await this.editor();
    setText(this.view!, text);
    if (focus) this.view!.focus();
  }

  private async markers(findings: Finding[]): Promise<void> {
    if (!this.view) return;
    const { showFindings } = await this.editor();
    showFindings(this.view!, findings);
  }

  private describePreset(id: string): void {
    this.presetDesc.textContent = this.data.presets.find((p) => p.id === id)?.description ?? '';
  }

  private async loadPreset(id: string): Promise<boolean> {
    const p = this.data.presets.find((x) => x.id === id);
    if (!p) return false;
    this.presetSelect.value = p.id;
    this.describePreset(p.id);
    await this.setValue(p.yaml);
    this.note(fill(this.s.presetLoaded!, { name: p.title }));
    return true;
  }

  /** `#yaml=<packed>` or `#preset=<id>`; other fragments (heading anchors) are left alone. */
  private async fromHash(): Promise<boolean> {
    const packed = fragmentParam(location.hash, 'yaml');
    if (packed !== undefined) {
      const r = await unpackText(packed);
      if (r.ok && r.text.length <= this.data.maxChars) {
        await this.setValue(r.text);
        this.note(this.s.sharedFrom!);
      } else this.note(r.ok || r.reason === 'too-large' ? this.s.shareHuge! : this.s.shareBroken!);
      return r.ok;
    }
    const preset = fragmentParam(location.hash, 'preset');
    return preset !== undefined && (await this.loadPreset(preset));
  }

  private note(text: string): void {
    this.shareNote.textContent = text;
    this.shareOut.hidden = true;
  }

  private schedule(delay = DEBOUNCE_MS): void {
    // The results on screen are stale from now until the next check is drawn.
    this.setAttribute('aria-busy', 'true');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.check(), delay);
  }

  private async check(): Promise<void> {
    const text = this.text();
    const job = ++this.job;
    if (!text.trim()) {
      void this.markers([]);
      this.render([h('p', { class: 'mtls-hint' }, this.s.emptyHint!)], this.s.statusEmpty!);
      return;
    }
    if (text.length > this.data.maxChars) {
      void this.markers([]);
      this.problem(fill(this.s.tooLarge!, { n: text.length.toLocaleString(this.data.lang), max: this.data.maxChars.toLocaleString(this.data.lang) }));
      return;
    }
    this.status.textContent = this.s.statusWorking!;
    this.setAttribute('aria-busy', 'true');
    let res: LintResponse;
    try {
      res = await this.runner.run({ text, lang: this.data.lang });
    } catch (e) {
      if (job !== this.job) return;
      void this.markers([]);
      const timeout = e instanceof JobError && e.reason === 'timeout';
      this.problem(timeout ? fill(this.s.timeout!, { s: LINT_TIMEOUT_MS / 1000 }) : this.s.crash!);
      return;
    }
    if (job !== this.job) return; // the text changed meanwhile; a newer check is scheduled
    this.show(res, text);
  }

  /** As every widget draws, with the alignment map beside the results (none: cleared). */
  protected override render(nodes: Node[], status: string, alignment: Node[] = []): void {
    this.alignment.replaceChildren(...alignment);
    super.render(nodes, status);
  }

  private show(res: LintResponse, text: string): void {
    const { findings, summary } = res.result;
    void this.markers(findings);
    const counts = { e: summary.errors, w: summary.warnings, i: summary.infos };
    const status = fill(plural(this.s.statusCounts!, counts), counts);
    // A pasted key is said first: the reader should know it stayed here before reading on.
    const nodes: Node[] = privateKeyNotice(text, this.data.lang);
    if (findings.length === 0) nodes.push(...this.allClear(res));
    else {
      const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.line - b.line || a.column - b.column);
      nodes.push(h('ol', { class: 'mtls-findings' }, ...sorted.map((f) => this.finding(f))));
    }
    this.render(nodes, status, this.alignmentMap(res.alignment));
  }

  private allClear(res: LintResponse): Node[] {
    const kinds = Object.entries(res.kinds);
    if (kinds.length === 0) return [h('p', { class: 'mtls-ok', 'data-ok': true }, this.s.noResources!)];
    const kindText = kinds.map(([k, n]) => `${k} ${n}`).join(', ');
    return [
      h('p', { class: 'mtls-ok', 'data-ok': true }, h('strong', {}, this.s.okTitle!), ' ',
        fill(plural(this.s.okChecked!, { docs: res.documents }), { docs: res.documents, kinds: kindText, rules: this.data.ruleCount })),
      h('p', { class: 'mtls-hint' }, this.s.okLimits!),
    ];
  }

  private finding(f: Finding): HTMLElement {
    const s = this.s;
    const title = this.data.ruleTitles[f.rule];
    return h('li', { class: 'mtls-finding', 'data-rule': f.rule, 'data-severity': f.severity, 'data-line': f.line },
      h('span', { class: `mtls-sev mtls-sev-${f.severity}` }, s[`severity_${f.severity}`] ?? f.severity),
      ' ',
      h('button', { type: 'button', class: 'mtls-goto', 'data-goto': f.line, 'data-column': f.column }, fill(s.gotoLine!, { line: f.line })),
      ' ',
      h('span', { class: 'mtls-msg' }, richText(f.message)),
      h('span', { class: 'mtls-finding-meta' },
        h('code', {}, f.resource), ' · ',
        h('a', { href: `${this.data.rulesPage}#${f.rule}` }, fill(s.ruleLink!, { rule: f.rule }), title ? ` (${title})` : ''),
        // The matching istioctl analyze message, so users can map one tool's output to the other's.
        ...(f.istioctl ? [' · ', h('a', { href: istioctlDocs(f.istioctl), class: 'mtls-istioctl', 'data-istioctl': f.istioctl }, fill(s.istioctlLink!, { code: f.istioctl }))] : []),
        ' · ',
        h('a', { href: docsUrl(f.docs, this.data.lang), 'data-docs': true }, fill(s.docsLink!, { title: this.data.pages[pagePath(f.docs)] ?? f.docs })),
      ),
    );
  }

  private alignmentMap(map: AlignmentMap): Node[] {
    const s = this.s;
    const bundles: BundleMap[] = map.bundles?.length ? map.bundles
      : map.links.length ? [{ externalHost: map.externalHost ?? '', vs: '', links: map.links }] : [];
    if (bundles.length === 0) {
      return [h('p', { class: 'mtls-hint', 'data-align-none': true }, fill(s.alignNone!, { name: this.data.bundlePreset.title }))];
    }
    if (bundles.length === 1) return [h('p', { class: 'mtls-hint' }, s.alignIntro!), ...this.bundleMap(bundles[0]!)];
    // Several bundles: one map at a time, starting with the first that has a broken link.
    const ok = (b: BundleMap) => b.links.filter((l) => l.status === 'match').length;
    const start = Math.max(0, bundles.findIndex((b) => ok(b) < b.links.length));
    const shown = h('div', { 'data-align-bundle': start }, ...this.bundleMap(bundles[start]!));
    const select = h('select', { id: 'mtls-val-align-bundle', 'data-align-select': true },
      ...bundles.map((b, i) => h('option', { value: i, selected: i === start }, fill(s.alignOption!, { host: b.externalHost, vs: b.vs, ok: ok(b), n: b.links.length }))));
    select.addEventListener('change', () => {
      const i = Number(select.value);
      shown.setAttribute('data-align-bundle', String(i));
      shown.replaceChildren(...this.bundleMap(bundles[i]!));
    });
    return [
      h('p', { class: 'mtls-hint' }, s.alignIntro!),
      h('p', { class: 'mtls-align-pick' }, h('label', { for: 'mtls-val-align-bundle' }, fill(s.alignPick!, { n: bundles.length })), ' ', select),
      shown,
    ];
  }

  /** The rows of one bundle's map. */
  private bundleMap(map: BundleMap): Node[] {
    const s = this.s;
    const statusText = (l: AlignmentLink) => (l.status === 'match' ? s.alignMatch! : l.status === 'mismatch' ? s.alignMismatch! : s.alignMissing!);
    // One value of a pair: the string, where it is, and a button to its line.
    const end = (e: End | undefined) => e
      ? h('li', {}, h('code', { class: 'mtls-value' }, e.value), ' ',
        h('span', { class: 'mtls-where' }, e.resource), ' ',
        h('button', { type: 'button', class: 'mtls-goto', 'data-goto': e.line, 'data-column': e.column, 'aria-label': fill(s.inResource!, { resource: e.resource, line: e.line }) },
          fill(s.gotoLine!, { line: e.line })))
      : h('li', { class: 'mtls-absent' }, s.alignAbsent!);
    const row = (l: AlignmentLink) => h('li', { 'data-link': l.id, 'data-status': l.status },
      h('span', { class: `mtls-align-${l.status}` }, statusText(l)), ' ',
      h('strong', {}, l.label[this.data.lang]),
      h('ul', {}, end(l.a), end(l.b)));
    // The pairs that break the path first; the ones that match folded under their count, unless
    // nothing breaks (then the matching pairs are the whole story).
    const broken = map.links.filter((l) => l.status !== 'match');
    const matching = map.links.filter((l) => l.status === 'match');
    const nodes: Node[] = [h('p', { class: 'mtls-align-count' }, map.externalHost ? `${fill(s.alignHost!, { host: map.externalHost })}. ` : '', fill(s.alignCounts!, { ok: matching.length, n: map.links.length }))];
    if (broken.length) nodes.push(h('ol', { class: 'mtls-align', 'data-align-broken': true }, ...broken.map(row)));
    if (matching.length) {
      const list = h('ol', { class: 'mtls-align' }, ...matching.map(row));
      const n = { n: matching.length };
      nodes.push(broken.length === 0 ? list : h('details', { class: 'mtls-align-folded', 'data-align-folded': true }, h('summary', {}, fill(plural(s.alignFolded!, n), n)), list));
    }
    return nodes;
  }

  private async share(): Promise<void> {
    const packed = await packText(this.text());
    if (packed.length > MAX_LINK_CHARS) {
      this.note(fill(this.s.shareTooLarge!, { n: packed.length.toLocaleString(this.data.lang), max: MAX_LINK_CHARS.toLocaleString(this.data.lang) }));
      return;
    }
    const link = linkWith(`yaml=${packed}`);
    this.shareOut.value = link;
    this.shareOut.hidden = false;
    const copied = await copyText(link);
    this.shareNote.textContent = copied ? this.s.shareCopied! : this.s.shareMade!;
    this.shareOut.select();
  }
}

customElements.define('mtls-validator', ValidatorElement);
