import { alignmentFromResources } from './alignment.ts';
import type { AlignmentMap } from './alignment.ts';
import { BundleIndex } from './bundle-index.ts';
import { expandLists, isList, MAX_LIST_ITEMS, parseFile, position, toResources } from './parse.ts';
import type { ParseProblem } from './parse.ts';
import { allRules } from './rules/index.ts';
import type { Ctx, Finding, Lang, LintResult, ParsedDoc, Report, Resource, Rule, Severity } from './types.ts';
import { resId } from './util.ts';

/** Above this the paste is refused with a finding: the engine stays responsive, always. */
export const MAX_INPUT_CHARS = 4_000_000;

export interface InputFile { name: string; text: string }
export interface LintOptions { lang?: Lang; rules?: Rule[]; now?: number }

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const TOO_LARGE = {
  ko: (n: number) => `입력이 너무 크다(${n.toLocaleString('en')}자). 설정 검사기는 ${MAX_INPUT_CHARS.toLocaleString('en')}자까지만 본다. 검사할 리소스만 골라 붙여 넣자.`,
  en: (n: number) => `The input is too large (${n.toLocaleString('en')} characters); the validator reads at most ${MAX_INPUT_CHARS.toLocaleString('en')}. Paste only the resources you want checked.`,
};
const NOT_TEXT = {
  ko: '입력에 NUL 같은 제어 문자가 있다. 텍스트 YAML이 아니라 바이너리로 보인다.',
  en: 'The input contains control characters such as NUL: it looks like binary data, not YAML text.',
};
const EMPTY = {
  ko: '검사할 YAML 문서가 없다(빈 입력이거나 주석뿐이다).',
  en: 'There is no YAML document to check (the input is empty or only comments).',
};
const EMPTY_LIST = {
  ko: '`List`에 항목(`items`)이 없어 검사할 리소스가 없다. `kubectl get`이 아무것도 찾지 못한 출력이다.',
  en: 'The `List` has no `items`, so there is no resource to check: `kubectl get` found nothing.',
};
const TOO_MANY_ITEMS = {
  ko: (n: number) => `\`List\`의 항목이 너무 많아 처음 ${MAX_LIST_ITEMS.toLocaleString('en')}개만 검사했다(검사하지 않은 항목 ${n.toLocaleString('en')}개). 네임스페이스나 종류별로 나눠 붙여 넣자(예: \`kubectl get dr,vs,gw,se -n <네임스페이스> -o yaml\`).`,
  en: (n: number) => `The \`List\` holds too many items: the validator checked the first ${MAX_LIST_ITEMS.toLocaleString('en')} and skipped ${n.toLocaleString('en')}. Paste it in parts, by namespace or kind (for example \`kubectl get dr,vs,gw,se -n <namespace> -o yaml\`).`,
};
const CRASH = {
  ko: '이 입력은 끝까지 해석하지 못했다(중첩이 너무 깊거나 구조가 비정상이다). 구조를 단순하게 바꾸자.',
  en: 'The validator could not finish reading this input (nesting too deep or malformed structure). Simplify it.',
};

/** Lint a set of files (each may hold many YAML documents). Never throws. */
export function lint(files: InputFile[], opts: LintOptions = {}): LintResult {
  return run(files, opts, false).result;
}

/** Lint, and draw the double-mTLS alignment map from the same parse (for the widget). Never throws. */
/** What a paste held, as checked: a List counts as its items. */
export interface Inventory { documents: number; kinds: Record<string, number> }

export function analyze(files: InputFile[], opts: LintOptions = {}): { result: LintResult; alignment: AlignmentMap; inventory: Inventory } {
  const { result, alignment, inventory } = run(files, opts, true);
  return { result, alignment: alignment ?? { links: [], bundles: [] }, inventory };
}

function run(files: InputFile[], opts: LintOptions, withAlignment: boolean): { result: LintResult; alignment?: AlignmentMap; inventory: Inventory } {
  const lang: Lang = opts.lang === 'en' ? 'en' : 'ko';
  const rules = opts.rules ?? allRules;
  const findings: Finding[] = [];
  const fileLevel = (file: string, msg: string, rule = 'yaml-syntax', severity: Severity = 'error') =>
    findings.push({ file, rule, severity, line: 1, column: 1, resource: file, message: msg, docs: 'tools/validator/' });

  const docs: ParsedDoc[] = [];
  const problems: ParseProblem[] = [];
  let listItems = 0;
  for (const f of files) {
    const text = typeof f.text === 'string' ? f.text : '';
    if (text.length > MAX_INPUT_CHARS) { fileLevel(f.name, TOO_LARGE[lang](text.length)); continue; }
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) { fileLevel(f.name, NOT_TEXT[lang]); continue; }
    try {
      const parsed = parseFile(f.name, text);
      // The items of a List are checked as the resources they are (see expandLists).
      const { docs: expanded, items, skipped } = expandLists(parsed.docs, MAX_LIST_ITEMS - listItems);
      listItems += items;
      if (skipped) fileLevel(f.name, TOO_MANY_ITEMS[lang](skipped), 'schema', 'warning');
      for (const d of expanded) docs.push(d);
      problems.push(...parsed.problems);
      if (!parsed.problems.length && parsed.docs.every((d) => d.value === null || d.value === undefined)) fileLevel(f.name, EMPTY[lang], 'schema', 'info');
      else if (!parsed.problems.length && parsed.docs.some((d) => isList(d.value)) && expanded.every((d) => d.value === null || d.value === undefined)) fileLevel(f.name, EMPTY_LIST[lang], 'schema', 'info');
    } catch {
      fileLevel(f.name, CRASH[lang]);
    }
  }

  const byId = new Map(rules.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const report = (r: Report) => {
    const rule = byId.get(r.rule);
    if (!rule) return;
    const src = 'src' in r.at ? r.at.src : r.at;
    let pos;
    if (r.offsets) {
      const s = src.lc.linePos(r.offsets[0]);
      const e = src.lc.linePos(r.offsets[1]);
      pos = { line: s.line, column: s.col, endLine: e.line, endColumn: e.col };
    } else pos = position(src, r.path, r.on);
    const resource = 'src' in r.at ? resId(r.at as Resource) : `${src.file}#${src.index + 1}`;
    const message = r.msg[lang];
    const key = `${src.file}|${pos.line}|${pos.column}|${r.rule}|${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    const istioctl = r.istioctl ?? rule.istioctl;
    findings.push({ file: src.file, rule: r.rule, severity: r.severity ?? rule.severity, ...pos, resource, message, docs: rule.docs, ...(istioctl ? { istioctl } : {}) });
  };
  const resources = toResources(docs);
  const index = new BundleIndex(resources);
  const ctx: Ctx = { docs, problems, resources, index, report, now: opts.now ?? Date.now() };
  for (const rule of rules) {
    try {
      rule.check(ctx);
    } catch {
      // A rule that trips over odd input must not hide the other rules' findings.
    }
  }
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || ORDER[a.severity] - ORDER[b.severity]));
  const summary = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) summary[f.severity === 'error' ? 'errors' : f.severity === 'warning' ? 'warnings' : 'infos']++;
  let alignment: AlignmentMap | undefined;
  if (withAlignment) {
    try { alignment = alignmentFromResources(resources, index); } catch { alignment = undefined; }
  }
  const kinds: Record<string, number> = {};
  for (const r of resources) kinds[r.kind] = (kinds[r.kind] ?? 0) + 1;
  const inventory = { documents: Math.max(1, docs.filter((d) => d.value !== null && d.value !== undefined).length), kinds };
  return { result: { findings, summary }, alignment, inventory };
}
