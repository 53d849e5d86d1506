// The onboarding track's data (src/data/onboarding/*.yaml) and the pages built on it: every
// question is answered and explained in both languages, every hands-on check's expected result is
// what the real decoder / validator prints for its input, verify.sh outputs use the script's own
// claims, the Day 0 page states the versions labs/_lib/versions.sh pins, and the learning path's
// module times agree with the data.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decode } from '../../src/lib/decoder/decode.ts';
import { loadCatalog } from '../../src/lib/decoder/load-catalog.node.ts';
import { lint } from '../../src/lib/validator/index.ts';
import { formatMinutes, readProgress, totalMinutes, trackProblems, yamlFragment, type Lang, type Module } from '../../src/lib/onboarding/track.ts';
import { unpackText } from '../../src/components/widgets/shared/share.ts';
import { parseGlossary } from '../../src/lib/site/glossary.ts';
import { discouragedVariants } from '../helpers/glossary-lint.ts';
import { KO_PHRASES } from '../helpers/ko-phrases.ts';
import { readPage } from '../helpers/content.ts';

const ROOT = join(import.meta.dirname, '../..');
const DATA = join(ROOT, 'src/data/onboarding');
const modules: Module[] = readdirSync(DATA).filter((f) => f.endsWith('.yaml')).sort()
  .map((f) => parse(readFileSync(join(DATA, f), 'utf8')) as Module);
const LANGS: Lang[] = ['ko', 'en'];
const catalog = loadCatalog();
const handsOn = modules.flatMap((m) => m.handsOn.map((h) => ({ module: m.id, h })));

describe('onboarding data', () => {
  it('passes the schema check (every question answered and explained in both languages)', () => {
    expect(trackProblems(modules)).toEqual([]);
  });

  it('the schema check catches an unexplained answer and a lone language', () => {
    const broken = structuredClone(modules[1]!);
    broken.questions = [{ id: 'q', prompt: { ko: '질문', en: 'Q' }, answer: { ko: '답', en: 'A' }, explanation: { ko: '', en: 'Because.' } }];
    broken.outcomes = { ko: ['하나'], en: [] };
    const problems = trackProblems([modules[0]!, broken]);
    expect(problems).toContain(`${broken.id}/q: explanation needs ko and en`);
    expect(problems).toContain(`${broken.id}: outcomes.en must list what the reader can do`);
  });

  it('runs Day 0, the eight modules of the learning path, then the capstone', () => {
    expect(modules.map((m) => m.id)).toEqual(['day-0', 'tls-basics', 'termination-passthrough', 'origination-mtls', 'envoy', 'egress-basics', 'double-mtls', 'egress-ops', 'ambient-gateway-api', 'capstone']);
    expect(modules.every((m) => m.questions.length + m.handsOn.length >= 1)).toBe(true);
    // Days never go backwards in the mentor's plan.
    expect(modules.map((m) => m.day)).toEqual([...modules.map((m) => m.day)].sort((a, b) => a - b));
  });

  it('uses every tool the brief asks for: decoder, validator (the capstone too) and a verify.sh output', () => {
    expect(new Set(handsOn.map((x) => x.h.tool))).toEqual(new Set(['decoder', 'validator', 'verify']));
    const capstone = modules.at(-1)!.handsOn[0]!;
    expect(capstone.tool === 'validator' && capstone.findings && Object.keys(capstone.findings).length).toBeGreaterThanOrEqual(3);
  });

  it('links reading to pages that exist in both languages', () => {
    for (const m of modules) for (const p of [...m.reading, ...m.labs.map((l) => `labs/${l}/`)]) {
      for (const lang of LANGS) expect(() => readPage(lang, `${p.replace(/\/$/, '')}.mdx`), `${m.id}: ${p}`).not.toThrow();
    }
  });

  it('Korean texts avoid the glossary’s discouraged variants and phrases', () => {
    const dir = join(ROOT, 'src/data/glossary');
    const terms = parseGlossary(Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(join(dir, f), 'utf8')])));
    const ko: string[] = [];
    const collect = (v: unknown): void => {
      if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) {
        if (k === 'ko' && typeof x === 'string') ko.push(x);
        else if (k === 'ko' && Array.isArray(x)) ko.push(...x);
        else if (k !== 'input') collect(x);
      }
    };
    collect(modules);
    expect(ko.flatMap((t) => discouragedVariants(t, terms, KO_PHRASES))).toEqual([]);
  });
});

describe('hands-on checks: the expected result is what the tool prints', () => {
  for (const { module, h } of handsOn) {
    if (h.tool === 'decoder') {
      it.each(LANGS)(`${module}/${h.id}: the decoder (%s)`, (lang) => {
        const r = decode(h.input, catalog, { lang });
        expect(r.matches.map((m) => m.id)).toEqual(h.expect.ids);
        if (h.expect.side || h.expect.flags) {
          expect(r.accessLogs).toHaveLength(1);
          expect(r.accessLogs[0]!.side).toBe(h.expect.side);
          expect(r.accessLogs[0]!.responseFlags.map((f) => f.flag)).toEqual(h.expect.flags ?? []);
        } else {
          expect(r.accessLogs).toEqual([]);
        }
      });
    }
    if (h.tool === 'validator') {
      it.each(LANGS)(`${module}/${h.id}: the validator (%s)`, (lang) => {
        const r = lint([{ name: 'check.yaml', text: h.input }], { lang });
        expect(r.findings.map((f) => `${f.rule}@${f.line}`)).toEqual(h.expect.findings);
      });
      it(`${module}/${h.id}: the #yaml= link opens exactly this YAML`, async () => {
        expect(await unpackText(yamlFragment(h.input))).toEqual({ ok: true, text: h.input });
      });
    }
    if (h.tool === 'verify') {
      it(`${module}/${h.id}: a verify.sh output in the script's format, with its own claims`, () => {
        const scripts = [
          join(ROOT, 'labs', h.lab, 'verify.sh'), join(ROOT, 'labs', h.lab, 'common.sh'),
          ...readdirSync(join(ROOT, 'labs/_lib')).filter((f) => f.endsWith('.sh')).map((f) => join(ROOT, 'labs/_lib', f)),
        ].map((f) => readFileSync(f, 'utf8')).join('\n');
        const lines = h.input.split('\n');
        const claims = lines.flatMap((l, i) => {
          const m = /^(PASS|FAIL) {2}(.+)$/.exec(l);
          return m ? [{ status: m[1]!, claim: m[2]!, next: lines[i + 1] ?? '' }] : [];
        });
        expect(claims.length).toBeGreaterThan(0);
        for (const c of claims) {
          expect(scripts, c.claim).toContain(`"${c.claim}"`);
          expect(c.next, c.claim).toMatch(/^ {6}evidence: /);
        }
        const pass = claims.filter((c) => c.status === 'PASS').length;
        const fail = claims.length - pass;
        expect({ pass, fail }).toEqual(h.expect);
        expect(lines.at(-1)).toBe(`${pass} PASS, ${fail} FAIL`);
        // The verify.sh of the lab really makes each of these claims.
        const verify = readFileSync(join(ROOT, 'labs', h.lab, 'verify.sh'), 'utf8');
        expect(verify).toMatch(/finish_verify/);
      });
    }
  }
});

describe('progress in localStorage', () => {
  it('reads what the pages store and ignores anything else', () => {
    expect([...readProgress('{"done":["envoy","day-0"]}')]).toEqual(['envoy', 'day-0']);
    expect(readProgress(null).size).toBe(0);
    expect(readProgress('not json').size).toBe(0);
    expect([...readProgress('{"done":["envoy",3,null]}')]).toEqual(['envoy']);
  });
});

describe('the pages agree with the data and with labs/_lib/versions.sh', () => {
  const versions = readFileSync(join(ROOT, 'labs/_lib/versions.sh'), 'utf8');
  const pinned = (name: string): string => {
    const m = new RegExp(`^${name}="?(?:\\$\\{${name}:-)?([^"}\\s]+)`, 'm').exec(versions);
    if (!m) throw new Error(`${name} not found in versions.sh`);
    return m[1]!;
  };
  const istio = pinned('ISTIO_VERSION');
  const kind = pinned('KIND_MIN_VERSION');
  const compose = pinned('COMPOSE_MIN_VERSION');
  const envoyImage = pinned('ENVOY_IMAGE');
  const nginxImage = pinned('NGINX_IMAGE_DEFAULT');
  const curlImage = pinned('CURL_IMAGE_DEFAULT');
  const nodeImage = pinned('KIND_NODE_IMAGE').replace(/@.*/, '');
  const k8sMinor = /:v(\d+\.\d+)\./.exec(nodeImage)![1]!;

  it.each(LANGS)('Day 0 (%s) states the pinned versions and images, and no others', (lang) => {
    const body = readPage(lang, 'start/day-0.mdx').body;
    for (const v of [istio, `${istio.replace(/\.\d+$/, '')}.x`, kind, compose, envoyImage, nginxImage, curlImage, nodeImage, `Kubernetes ${k8sMinor}`]) {
      expect(body, v).toContain(v);
    }
    // Every istioctl / Istio patch version and every kind version on the page is the pinned one.
    for (const m of body.matchAll(/(?:istioctl|ISTIO_VERSION=|istio-)\s*(\d+\.\d+\.\d+)/g)) expect(m[1]).toBe(istio);
    for (const m of body.matchAll(/kind (\d+\.\d+\.\d+)/g)) expect(m[1]).toBe(kind);
    const [maj, min] = k8sMinor.split('.').map(Number) as [number, number];
    expect(body).toContain(`${maj}.${min - 1}–${maj}.${min + 1}`);
  });

  it.each(LANGS)('the learning path (%s) gives each module the time, reading and self-check of its data', (lang) => {
    const body = readPage(lang, 'start/learning-path.mdx').body;
    const sections = body.split(/^## /m).slice(1);
    for (const m of modules) {
      const section = sections.find((s) => s.includes(`module="${m.id}"`));
      expect(section, m.id).toBeDefined();
      const heading = section!.split('\n')[0]!;
      const hours = m.minutes / 60;
      const time = lang === 'ko' ? `약 ${hours}시간` : `about ${hours} hour${hours === 1 ? '' : 's'}`;
      expect(heading, m.id).toContain(time);
      const prefix = lang === 'en' ? '/en/' : '/';
      for (const p of m.id === 'day-0' ? ['start/day-0/'] : m.reading) expect(section, `${m.id}: ${p}`).toContain(`](${prefix}${p})`);
      if (m.id !== 'day-0') expect(section).toContain(`<SelfCheck module="${m.id}" lang="${lang}" />`);
    }
    expect(readPage(lang, 'start/day-0.mdx').body).toContain(`<SelfCheck module="day-0" lang="${lang}" />`);
  });

  it('states the total time of the track', () => {
    expect(totalMinutes(modules)).toBe(modules.reduce((s, m) => s + m.minutes, 0));
    expect(formatMinutes(900, 'ko')).toBe('15시간');
    expect(formatMinutes(90, 'en')).toBe('1 h 30 min');
  });
});
