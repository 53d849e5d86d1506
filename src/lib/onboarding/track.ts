// The onboarding track as data: modules in order, each with outcomes, reading, labs and a
// self-check (questions with explained answers, hands-on checks with the sites' own tools).
// Pure TypeScript: the site reads the YAML files at build time, the tests in Node.

export type Lang = 'ko' | 'en';
export interface Text { ko: string; en: string }
export interface TextList { ko: string[]; en: string[] }

export interface Question {
  id: string;
  prompt: Text;
  answer: Text;
  explanation: Text;
}

/** What the decoder must print for a pasted text: its cards (catalog ids, in order) and, for an
 * access-log line, the hop that failed and the response flags. */
export interface DecoderExpect { ids: string[]; side?: 'upstream' | 'downstream'; flags?: string[] }
/** What the validator must print: every finding as `rule@line`, in order. */
export interface ValidatorExpect { findings: string[] }
/** A verify.sh output as its script prints it: the claims, PASS or FAIL, and the summary line. */
export interface VerifyExpect { pass: number; fail: number }

export type HandsOn =
  | { id: string; tool: 'decoder'; task: Text; input: string; expect: DecoderExpect; answer: Text; explanation: Text }
  | { id: string; tool: 'validator'; task: Text; input: string; expect: ValidatorExpect; answer: Text; explanation: Text;
      /** The capstone explains each finding (keyed `rule@line`). */
      findings?: Record<string, Text> }
  | { id: string; tool: 'verify'; lab: string; task: Text; input: string; expect: VerifyExpect; answer: Text; explanation: Text;
      /** Said above the output: it follows the script's format, it is not a captured run. */
      note: Text };

export interface Module {
  id: string;
  order: number;
  /** Day of the first week in the mentor's plan. */
  day: number;
  minutes: number;
  title: Text;
  outcomes: TextList;
  /** Language-neutral page paths (`basics/ssl-vs-tls/`); the caller adds the locale. */
  reading: string[];
  labs: string[];
  questions: Question[];
  handsOn: HandsOn[];
}

const LANGS: Lang[] = ['ko', 'en'];

function hasText(v: unknown): v is Text {
  return !!v && typeof v === 'object' && LANGS.every((l) => typeof (v as Record<string, unknown>)[l] === 'string' && ((v as Record<string, string>)[l] ?? '').trim() !== '');
}

/** Schema problems of the whole track, one line each (empty when valid). */
export function trackProblems(modules: Module[]): string[] {
  const out: string[] = [];
  const ids = new Set<string>();
  modules.forEach((m, i) => {
    const at = m?.id ?? `#${i}`;
    if (typeof m.id !== 'string' || !/^[a-z0-9-]+$/.test(m.id)) out.push(`${at}: id must be lower-case words joined by -`);
    if (ids.has(m.id)) out.push(`${at}: duplicate id`);
    ids.add(m.id);
    if (m.order !== i + 1) out.push(`${at}: order ${m.order} where ${i + 1} was expected`);
    if (!Number.isInteger(m.minutes) || m.minutes <= 0) out.push(`${at}: minutes must be a positive whole number`);
    if (!Number.isInteger(m.day) || m.day < 1 || m.day > 5) out.push(`${at}: day must be 1 to 5`);
    if (!hasText(m.title)) out.push(`${at}: title needs ko and en`);
    for (const l of LANGS) {
      const list = m.outcomes?.[l];
      if (!Array.isArray(list) || list.length === 0 || list.some((s) => typeof s !== 'string' || !s.trim())) out.push(`${at}: outcomes.${l} must list what the reader can do`);
    }
    if ((m.outcomes?.ko?.length ?? 0) !== (m.outcomes?.en?.length ?? 0)) out.push(`${at}: outcomes differ in number between ko and en`);
    for (const p of m.reading ?? []) if (!/^[a-z0-9-]+(\/[a-z0-9-]+)*\/$/.test(p)) out.push(`${at}: reading path ${p} must be language-neutral with a trailing slash`);
    if ((m.questions?.length ?? 0) + (m.handsOn?.length ?? 0) === 0) out.push(`${at}: a module ends with a self-check`);
    const qids = new Set<string>();
    for (const q of [...(m.questions ?? []), ...(m.handsOn ?? [])]) {
      if (qids.has(q.id)) out.push(`${at}/${q.id}: duplicate id`);
      qids.add(q.id);
    }
    for (const q of m.questions ?? []) {
      for (const k of ['prompt', 'answer', 'explanation'] as const) if (!hasText(q[k])) out.push(`${at}/${q.id}: ${k} needs ko and en`);
      if (hasText(q.answer) && hasText(q.explanation) && LANGS.some((l) => q.explanation[l].length < 40)) out.push(`${at}/${q.id}: the explanation must explain (40 characters at least)`);
    }
    for (const h of m.handsOn ?? []) {
      for (const k of ['task', 'answer', 'explanation'] as const) if (!hasText(h[k])) out.push(`${at}/${h.id}: ${k} needs ko and en`);
      if (typeof h.input !== 'string' || !h.input.trim()) out.push(`${at}/${h.id}: input is empty`);
      if (!['decoder', 'validator', 'verify'].includes(h.tool)) out.push(`${at}/${h.id}: unknown tool ${String(h.tool)}`);
      if (h.tool === 'verify' && !hasText(h.note)) out.push(`${at}/${h.id}: verify output needs a note saying what it is`);
      if (h.tool === 'validator' && h.findings) {
        for (const key of h.expect.findings) if (!hasText(h.findings[key])) out.push(`${at}/${h.id}: finding ${key} has no explanation in both languages`);
      }
    }
  });
  return out;
}

export function totalMinutes(modules: Module[]): number {
  return modules.reduce((sum, m) => sum + m.minutes, 0);
}

/** "15시간" / "15 h 30 min" style durations for the track's pages. */
export function formatMinutes(minutes: number, lang: Lang): string {
  const h = Math.floor(minutes / 60), m = minutes % 60;
  if (lang === 'ko') return [h ? `${h}시간` : '', m ? `${m}분` : ''].filter(Boolean).join(' ');
  return [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ');
}

/** Base64url of UTF-8, the plain form the validator's `#yaml=` fragment accepts besides deflate. */
export function yamlFragment(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The localStorage key and shape of the reader's progress (module ids marked done). */
export const PROGRESS_KEY = 'mtls-track-progress-v1';
export function readProgress(raw: string | null): Set<string> {
  try {
    const data = JSON.parse(raw ?? '') as { done?: unknown };
    if (Array.isArray(data?.done)) return new Set(data.done.filter((id): id is string => typeof id === 'string'));
  } catch { /* nothing stored, or not ours */ }
  return new Set();
}
