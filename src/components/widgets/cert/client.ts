// <mtls-cert-inspector>: the certificate inspector widget. The Astro component renders the form;
// this script checks in a worker as the reader types and renders the verdict, the findings, the
// chain and one card per certificate. Pasted text reaches the page through text nodes only and
// never leaves the browser; a private key stays in the worker, which keeps only its public part.
import type { CertInfo, InspectReport } from '../../../lib/cert/index.ts';
import { fill, h, pageData, richText } from '../shared/dom.ts';
import { keyNote } from '../shared/private-key.ts';
import { ResultsElement } from '../shared/results-element.ts';
import { JobError, WorkerRunner } from '../shared/worker-runner.ts';
import { CERT_TIMEOUT_MS, MAX_CERT_CHARS, type CertRequest, type CertResponse } from './protocol.ts';
import type { CERT_STRINGS } from './strings.ts';

const DEBOUNCE_MS = 300;
/** More than this many cards or list items are summarised: drawing thousands would block the page. */
const MAX_SHOWN = 30;

interface PageData {
  lang: 'ko' | 'en';
  strings: (typeof CERT_STRINGS)['en'];
  errorsBase: string;
  titles: Record<string, string>;
}

class CertInspectorElement extends ResultsElement {
  private data!: PageData;
  private s!: PageData['strings'];
  private runner!: WorkerRunner<CertRequest, CertResponse>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private job = 0;

  private field<T extends HTMLElement>(name: string): T {
    return this.querySelector<T>(`[data-${name}]`)!;
  }

  connectedCallback(): void {
    this.data = pageData<PageData>(this, 'script[data-cert-data]');
    this.s = this.data.strings;
    this.results = this.field('results');
    this.status = this.field('status');
    this.runner = new WorkerRunner(() => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }), CERT_TIMEOUT_MS);
    for (const name of ['input', 'trust', 'host', 'at']) this.field(name).addEventListener('input', () => this.schedule());
    this.field('purpose').addEventListener('change', () => this.schedule(0));
    this.field('clear').addEventListener('click', () => {
      for (const name of ['input', 'trust', 'host', 'at']) this.field<HTMLInputElement>(name).value = '';
      this.schedule(0);
    });
    this.removeAttribute('data-loading');
    this.runner.warm();
    if (this.field<HTMLTextAreaElement>('input').value) this.schedule(0);
  }

  private schedule(delay = DEBOUNCE_MS): void {
    this.setAttribute('aria-busy', 'true');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.check(), delay);
  }

  private async check(): Promise<void> {
    const value = (name: string) => this.field<HTMLInputElement>(name).value;
    const req: CertRequest = { text: value('input'), trust: value('trust'), host: value('host'), at: value('at'), purpose: value('purpose') === 'client' ? 'client' : 'server', lang: this.data.lang };
    const job = ++this.job;
    if (!req.text.trim() && !req.trust.trim()) {
      this.render([h('p', { class: 'mtls-hint' }, this.s.emptyHint)], this.s.statusEmpty);
      return;
    }
    const chars = req.text.length + req.trust.length;
    if (chars > MAX_CERT_CHARS) {
      this.problem(fill(this.s.tooLarge, { n: chars.toLocaleString(this.data.lang), max: MAX_CERT_CHARS.toLocaleString(this.data.lang) }));
      return;
    }
    this.status.textContent = this.s.statusWorking;
    let res: CertResponse;
    try {
      res = await this.runner.run(req);
    } catch (e) {
      if (job !== this.job) return;
      this.problem(e instanceof JobError && e.reason === 'timeout' ? fill(this.s.timeout, { s: CERT_TIMEOUT_MS / 1000 }) : this.s.crash);
      return;
    }
    if (job !== this.job) return;
    if (res.kind === 'too-large') this.problem(fill(this.s.tooLarge, { n: res.chars.toLocaleString(this.data.lang), max: MAX_CERT_CHARS.toLocaleString(this.data.lang) }));
    else if (res.kind === 'failed') this.problem(`${this.s.crash} (${res.message})`);
    else this.show(res.report, res.badTime);
  }

  private show(r: InspectReport, badTime: boolean): void {
    const s = this.s;
    const v = r.verdict;
    const nodes: Node[] = [];
    if (badTime) nodes.push(h('p', { class: 'mtls-problem', role: 'alert', 'data-bad-time': true }, s.badTime));
    if (v.problems.length) {
      nodes.push(h('section', { class: 'mtls-problems', 'aria-label': s.problemsHeading },
        h('h3', {}, s.problemsHeading),
        h('ul', {}, ...v.problems.slice(0, MAX_SHOWN).map((p) => h('li', { class: 'mtls-problem', 'data-problem': true, 'data-line': p.line }, richText(p.message)))),
        ...this.more(v.problems.length)));
    }
    if (v.keys.some((k) => k.kind === 'private-key')) nodes.push(keyNote(s.keyNote));
    nodes.push(this.verdict(r));
    const rest = v.findings.filter((f) => f !== v.findings.find((x) => x.severity === 'error'));
    if (rest.length) {
      nodes.push(h('h3', {}, s.findings), h('ul', { class: 'mtls-findings' }, ...rest.slice(0, MAX_SHOWN).map((f) =>
        h('li', { class: 'mtls-finding', 'data-severity': f.severity, 'data-kind': f.kind },
          h('span', { class: `mtls-sev mtls-sev-${f.severity}` }, s[`severity_${f.severity}`]), ' ', richText(f.message),
          ...(f.error ? [' ', this.catalogLink(f.error)] : [])))), ...this.more(rest.length));
    }
    if (v.notes.length) nodes.push(h('h3', {}, s.notes), h('ul', {}, ...v.notes.slice(0, MAX_SHOWN).map((n) => h('li', { 'data-note': true }, richText(n)))), ...this.more(v.notes.length));
    if (r.chains.length) {
      nodes.push(h('h3', {}, s.chainHeading));
      for (const c of r.chains) {
        nodes.push(h('ol', { class: 'mtls-chain', 'data-anchored': String(c.anchored) }, ...c.certificates.map((i, pos) => {
          const link = c.links.find((l) => l.child === i);
          return h('li', {}, h('a', { href: `#mtls-cert-${i + 1}` }, r.certificates[i]!.subject || '—'),
            link ? ` (${link.by === 'key-id' ? s.linkKeyId : s.linkName})` : pos === c.certificates.length - 1 ? ` (${c.anchored ? s.anchored : s.notAnchored})` : '');
        })));
      }
    }
    if (r.certificates.length) nodes.push(h('h3', {}, s.certsHeading), ...r.certificates.slice(0, MAX_SHOWN).map((c) => this.card(c)), ...this.more(r.certificates.length));
    const verdictLabel = v.ok ? s.ok : s.fail;
    this.render(nodes, fill(s.statusDone, { n: r.certificates.length, verdict: verdictLabel }));
  }

  /** "N more not shown" under a cut list, or nothing. */
  private more(total: number): HTMLElement[] {
    return total > MAX_SHOWN ? [h('p', { class: 'mtls-hint', 'data-more': true }, fill(this.s.more, { n: total - MAX_SHOWN }))] : [];
  }

  private catalogLink(id: string): HTMLElement {
    return h('a', { href: `${this.data.errorsBase}${id}/`, 'data-error-link': id }, fill(this.s.catalog, { title: this.data.titles[id] ?? id }));
  }

  private verdict(r: InspectReport): HTMLElement {
    const s = this.s;
    const v = r.verdict;
    const box = h('section', { class: 'mtls-verdict', 'data-verdict': true, 'data-ok': String(v.ok), 'aria-label': s.verdictHeading },
      h('h3', {}, `${s.verdictHeading}: ${v.ok ? s.ok : s.fail}`),
      h('p', {}, richText(v.summary)));
    if (!v.ok && v.messages.openssl) {
      box.append(h('h4', {}, s.stacks), h('dl', { class: 'mtls-facts', 'data-stacks': true },
        h('dt', {}, s.stackOpenssl), h('dd', {}, h('code', { 'data-stack': 'openssl' }, v.messages.openssl)),
        h('dt', {}, s.stackBoringssl), h('dd', {}, h('code', { 'data-stack': 'boringssl' }, v.messages.boringssl)),
        h('dt', {}, s.stackGo), h('dd', {}, h('code', { 'data-stack': 'go' }, v.messages.go))));
      if (v.error) box.append(h('p', {}, this.catalogLink(v.error)));
    }
    return box;
  }

  private card(c: CertInfo): HTMLElement {
    const s = this.s;
    const days = Math.floor(c.secondsLeft / 86_400);
    const sans = [...c.sans.dns.map((d) => `DNS:${d}`), ...c.sans.ip.map((d) => `IP:${d}`), ...c.sans.uri.map((d) => `URI:${d}`), ...c.sans.email.map((d) => `email:${d}`)];
    const bc = c.basicConstraints;
    const row = (dt: string, dd: Node | string) => [h('dt', {}, dt), h('dd', {}, dd)];
    const facts = h('dl', { class: 'mtls-facts' },
      ...row(s.source, `${c.origin.file}:${c.origin.line}${c.origin.field ? ` (${c.origin.field})` : ''} · ${c.origin.form} · ${c.role === 'trust' ? s.trusted : s.presented}`),
      ...row(s.subject, h('code', {}, c.subject || '—')),
      ...row(s.issuer, h('code', {}, c.issuer || '—')),
      ...row(s.serial, h('code', {}, c.serial)),
      ...row(s.validity, `${c.notBefore} → ${c.notAfter} (${days >= 0 ? fill(s.left, { d: days }) : fill(s.expiredAgo, { d: -days })})`),
      ...row(s.sans, sans.length ? h('code', {}, sans.join(', ')) : s.none),
      ...(c.spiffe ? row(s.spiffe, h('code', {}, `${c.spiffe.id} (${c.spiffe.trustDomain})`)) : []),
      ...row(s.key, `${c.key.type} ${c.key.curve ?? `${c.key.bits} bit`}`),
      ...row(s.signature, c.signatureAlgorithm),
      ...row(s.basic, bc?.ca ? `${s.yes}${bc.pathLen !== null ? ` (pathLen ${bc.pathLen})` : ''}` : s.no),
      ...row(s.ku, c.keyUsage?.join(', ') ?? s.none),
      ...row(s.eku, c.extendedKeyUsage?.join(', ') ?? s.none),
      ...row(s.ski, h('code', {}, c.ski ?? s.none)),
      ...row(s.aki, h('code', {}, c.aki ?? s.none)),
      ...row(s.sha256, h('code', {}, c.fingerprints.sha256)),
    );
    return h('article', { class: 'mtls-card mtls-cert-card', id: `mtls-cert-${c.index + 1}`, 'data-cert': c.index, 'aria-labelledby': `mtls-cert-h-${c.index + 1}` },
      h('h4', { id: `mtls-cert-h-${c.index + 1}` }, `${c.index + 1}. ${c.subject || '—'}`), facts);
  }
}

customElements.define('mtls-cert-inspector', CertInspectorElement);
