// The glossary lint's checks, as functions over a page's running text.
import type { GlossaryTerm } from '../../src/lib/site/glossary.ts';
import { prose, type PageSource } from './content.ts';

/** Fields the glossary files carry for the lint only (parseGlossary keeps them as they are). */
export interface LintTerm extends GlossaryTerm {
  /**
   * false: the first use on a page needs no English in parentheses (site names, loanwords);
   * true: it needs it even for a short term (업스트림, 다운스트림).
   */
  gloss?: boolean;
  /** English variants the English pages do not use. */
  avoid_en?: string[];
}

/** Problems with the lint-only fields; the rest of a term is checked by parseGlossary. */
export function lintFieldProblems(terms: LintTerm[]): string[] {
  const problems: string[] = [];
  for (const term of terms) {
    if (term.gloss !== undefined && typeof term.gloss !== 'boolean') problems.push(`${term.id}: gloss must be true or false`);
    if (term.avoid_en !== undefined && !(Array.isArray(term.avoid_en) && term.avoid_en.every((a) => typeof a === 'string'))) {
      problems.push(`${term.id}: avoid_en must be a list of strings`);
    }
    // The glossary table renders backticked parts as code, so they must pair up.
    for (const lang of ['ko', 'en'] as const) {
      if ((term.definition[lang].match(/`/g) ?? []).length % 2 === 1) problems.push(`${term.id}: unpaired backtick in the ${lang} definition`);
    }
  }
  return problems;
}

const HANGUL = /[\uac00-\ud7a3]/;
const WORD_CHAR = /[A-Za-z0-9]/;
// What may follow a Korean noun inside the same word: particles and the copula, chained
// (랩이, 랩에서는, 앱이다). Anything else means another word (랩탑, 앱솔루트), not a hit.
const PARTICLES = [
  '이라는', '이라고', '에서는', '으로는', '으로도', '이었다', '까지', '부터', '처럼', '보다', '에서', '에게', '으로',
  '이나', '이다', '이고', '이며', '이면', '라는', '라고', '마다', '였다', '들', '이', '가', '은', '는', '을', '를',
  '의', '에', '로', '과', '와', '도', '만', '나', '다', '고', '인', '며', '면', '뿐',
];
const AFTER_NOUN = new RegExp(`^(?:${PARTICLES.join('|')})*$`);

/**
 * Where `variant` occurs in `text` as a word of its own. A leading or trailing `*` lifts the
 * word boundary on that side (`*를 가지*`: after any noun, any ending). Korean words may end in
 * particles; ASCII words need non-alphanumeric neighbours. `ignoreCase` for English.
 */
export function variantMatches(text: string, variant: string, ignoreCase = false): number[] {
  const openStart = variant.startsWith('*');
  const openEnd = variant.endsWith('*');
  const word = variant.slice(openStart ? 1 : 0, openEnd ? -1 : undefined);
  const haystack = ignoreCase ? text.toLowerCase() : text;
  const needle = ignoreCase ? word.toLowerCase() : word;
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const first = word[0]!;
    if (!openStart && HANGUL.test(first) && HANGUL.test(before)) continue;
    if (!openStart && WORD_CHAR.test(first) && WORD_CHAR.test(before)) continue;
    const end = at + word.length;
    const last = word[word.length - 1]!;
    if (!openEnd && HANGUL.test(last)) {
      let runEnd = end;
      while (runEnd < text.length && HANGUL.test(text[runEnd]!)) runEnd += 1;
      if (!AFTER_NOUN.test(text.slice(end, runEnd))) continue;
    }
    if (!openEnd && WORD_CHAR.test(last) && WORD_CHAR.test(text[end] ?? ' ')) continue;
    found.push(at);
  }
  return found;
}

/** True when [at, at+length) lies inside an occurrence of `phrase` in `text`. */
function inside(text: string, at: number, length: number, phrase: string): boolean {
  for (let from = text.indexOf(phrase); from !== -1 && from <= at; from = text.indexOf(phrase, from + 1)) {
    if (at + length <= from + phrase.length) return true;
  }
  return false;
}

/** True when the match sits in the parentheses glossing `term` (TCP 킵얼라이브(TCP keepalive)). */
function inGlossOf(text: string, at: number, term: string): boolean {
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const open = text.lastIndexOf('(', at);
  if (open < lineStart || text.slice(open, at).includes(')')) return false;
  return text.slice(lineStart, open).trimEnd().endsWith(term);
}

function context(text: string, at: number, length: number): string {
  return text.slice(Math.max(0, at - 12), at + length + 12).replace(/\s+/g, ' ').trim();
}

interface AvoidRule {
  avoid: string[];
  use: string;
}

function findAvoided(text: string, rules: AvoidRule[], glossaryPhrases: string[], ignoreCase: boolean): string[] {
  const hits: { at: number; length: number; message: string }[] = [];
  for (const rule of rules) {
    for (const variant of rule.avoid) {
      const word = variant.replace(/^\*|\*$/g, '');
      // A glossary term that contains the variant is not a hit (커넥션 풀 ⊃ 커넥션, 직접 해 보기 ⊃ 해 보기).
      const containing = glossaryPhrases.filter((phrase) => phrase !== word && phrase.includes(word));
      for (const at of variantMatches(text, variant, ignoreCase)) {
        if (containing.some((phrase) => inside(text, at, word.length, phrase))) continue;
        if (inGlossOf(text, at, rule.use)) continue;
        hits.push({ at, length: word.length, message: `"${word}" → "${rule.use}": …${context(text, at, word.length)}…` });
      }
    }
  }
  // One report per spot: a hit inside a longer one (커넥션 in 커넥션 수명) is the same mistake.
  return hits
    .filter((hit) => !hits.some((other) => other !== hit && other.length > hit.length && other.at <= hit.at && hit.at + hit.length <= other.at + other.length))
    .map((hit) => hit.message);
}

/** Discouraged Korean variants found in a text, with the term to use instead. */
export function discouragedVariants(text: string, glossary: GlossaryTerm[], phrases: AvoidRule[] = []): string[] {
  const rules = [...glossary.map((term) => ({ avoid: term.avoid ?? [], use: term.ko })), ...phrases];
  return findAvoided(text, rules, glossary.map((term) => term.ko), false);
}

/** Discouraged English variants (a term's `avoid_en`) found in an English text. */
export function discouragedVariantsEn(text: string, glossary: LintTerm[]): string[] {
  const rules = glossary.map((term) => ({ avoid: term.avoid_en ?? [], use: term.en }));
  return findAvoided(text, rules, glossary.map((term) => term.en), true);
}

/** Index of the first occurrence of `term` outside parentheses (a gloss inside an aside would nest). */
export function firstUseOutsideParentheses(text: string, term: string): number {
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
    let depth = 0;
    for (let i = text.lastIndexOf('\n', at) + 1; i < at; i += 1) {
      if (text[i] === '(') depth += 1;
      else if (text[i] === ')' && depth > 0) depth -= 1;
    }
    if (depth === 0) return at;
  }
  return -1;
}

/** Terms whose first use in the running text lacks the English in parentheses. */
export function firstUsesWithoutEnglish(text: string, glossary: LintTerm[]): string[] {
  const missing: string[] = [];
  for (const term of glossary) {
    // Only Korean multi-word or compound terms: a page is not expected to gloss 인증서 or 프록시
    // every time, nor an acronym that is the same in both languages (HTTPS, STARTTLS).
    if (term.gloss === false || !/[\uac00-\ud7a3]/.test(term.ko)) continue;
    if (term.gloss !== true && !/\s/.test(term.ko) && [...term.ko].length < 5) continue;
    const at = firstUseOutsideParentheses(text, term.ko);
    if (at === -1) continue;
    const after = text.slice(at + term.ko.length, at + term.ko.length + 60);
    const glossed = /^\s*\(/.test(after) && (after.toLowerCase().includes(term.en.toLowerCase()) || (term.abbr && after.includes(term.abbr)));
    if (!glossed) missing.push(`${term.ko} → ${term.ko}(${term.en})`);
  }
  return missing;
}

/** Terms glossed in English more than once on a page: the gloss belongs to the first use only. */
export function repeatedGlosses(text: string, glossary: GlossaryTerm[]): string[] {
  const repeated: string[] = [];
  for (const term of glossary) {
    if (!HANGUL.test(term.ko)) continue;
    const escaped = term.ko.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    let count = 0;
    for (const match of text.matchAll(new RegExp(`${escaped}\\s*\\(([^()\\n]*)\\)`, 'g'))) {
      // The gloss of this term, not of a longer one ending in it (클라이언트 인증서(client certificate)).
      const inner = match[1]!.trim().toLowerCase();
      const en = term.en.toLowerCase();
      const abbr = term.abbr?.toLowerCase();
      if (inner === en || inner === `${en}, ${abbr}` || (abbr && abbr !== term.ko.toLowerCase() && inner === abbr)) count += 1;
    }
    if (count > 1) repeated.push(`${term.ko}(${term.en}) ×${count}`);
  }
  return repeated;
}

/** Code blocks of a Korean page titled in English (wrong / right): they are 틀린 예 / 바른 예. */
export function englishCodeTitles(blocks: { info: string; line: number }[]): string[] {
  return blocks
    .filter((block) => /\btitle\s*=\s*["']\s*(wrong|right)\b/i.test(block.info))
    .map((block) => `line ${block.line}: ${block.info}`);
}

/**
 * Sentences of a page body longer than `limit` characters, for a reader to split (a report,
 * not a rule: some long sentences are fine). Code blocks, tables, headings, imports, JSX lines
 * and the Sources section are skipped; inline code counts as the reader reads it.
 */
export function longSentences(body: string, limit = 150): { line: number; length: number; text: string }[] {
  const lines = body.split('\n');
  const long: { line: number; length: number; text: string }[] = [];
  let fence: string | null = null;
  let paragraph: { line: number; text: string } | null = null;
  const flush = () => {
    if (!paragraph) return;
    // Bare URLs (source lists) are not prose.
    const text = paragraph.text.replace(/`([^`]*)`/g, '$1').replace(/\]\([^)]*\)/g, ']').replace(/[[\]*]/g, '').replace(/https?:\/\/\S+/g, '');
    for (const sentence of text.split(/(?<=[.?!])\s+/)) {
      const length = [...sentence.trim()].length;
      if (length > limit) long.push({ line: paragraph.line, length, text: sentence.trim() });
    }
    paragraph = null;
  };
  let inSources = false;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    // The Sources section is a list of citations, not prose.
    if (/^##\s/.test(line) && !fence) {
      flush();
      inSources = /^##\s+(출처|Sources)\s*$/.test(line);
    }
    if (inSources) return;
    const fenceMatch = line.match(/^(`{3,}|~{3,})/);
    if (fence) {
      if (fenceMatch && line.startsWith(fence)) fence = null;
      return;
    }
    if (fenceMatch) {
      flush();
      fence = fenceMatch[1]!;
      return;
    }
    const listItem = /^([-*]|\d+\.)\s/.test(line);
    if (line === '' || listItem || /^(#|\||import |<|:::|\{)/.test(line)) flush();
    if (line === '' || /^(#|\||import |<|:::|\{)/.test(line)) return;
    const text = listItem ? line.replace(/^([-*]|\d+\.)\s+/, '') : line;
    if (paragraph) paragraph.text += ` ${text}`;
    else paragraph = { line: index + 1, text };
  });
  flush();
  return long;
}

/**
 * What a reader sees of a page as text: title, description, sidebar label, hero, the prose, and
 * the text attributes of components (LinkCard titles and descriptions), which prose() drops.
 */
export function readerText(page: PageSource): string {
  const front = page.frontmatter as {
    title?: string;
    description?: string;
    sidebar?: { label?: string };
    hero?: { tagline?: string; actions?: { text?: string }[] };
  };
  const body = page.body.replace(/^(\s*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n\s*\2\s*$/gm, '');
  const attributes = [...body.matchAll(/<[A-Z][^>]*>/g)].flatMap((tag) =>
    [...tag[0].matchAll(/\b(?:title|description|label)="([^"]*)"/g)].map((m) => m[1]!),
  );
  return [
    front.title ?? '',
    front.description ?? '',
    front.sidebar?.label ?? '',
    front.hero?.tagline ?? '',
    ...(front.hero?.actions ?? []).map((action) => action.text ?? ''),
    ...attributes,
    prose(page.body),
  ].join('\n');
}

/** Links to a page that is named one way everywhere, whose text is another name (see LINK_NAMES). */
export function misnamedLinks(body: string, lang: 'ko' | 'en', names: { path: string; ko: string[]; en: string[] }[]): string[] {
  const found: string[] = [];
  const prefix = lang === 'en' ? '/en' : '';
  for (const match of body.matchAll(/\[([^\]]+)\]\(([^)#\s]+)\)/g)) {
    const entry = names.find((n) => `${prefix}${n.path}` === match[2]);
    if (!entry) continue;
    const text = match[1]!.replace(/\s+/g, ' ').trim().toLowerCase();
    if (!entry[lang].some((name) => name.toLowerCase() === text)) found.push(`[${match[1]}](${match[2]}) → "${entry[lang][0]}"`);
  }
  return found;
}
