// Parity with `istioctl analyze`: runs the validator over istioctl's own analyzer test cases and
// counts how many of the messages istioctl expects it reports, on the same resource, at warning or
// error level, and how often it claims an istioctl code on a resource those tests mark valid.
// Not part of `npm test`: it reads an istio/istio checkout (nothing of it is copied here).
//
//   npx tsx scripts/istioctl-parity.ts <istio repo or git dir> [tag] [--verbose] [--legacy]
//
// The cases come from pkg/config/analysis/analyzers/analyzers_test.go (testGrid) at the tag; the
// codes from pkg/config/analysis/msg/messages.yaml. The validator reads each case's files as the
// whole cluster (`asWholeCluster`), as the analyzer tests do. `--legacy` maps rule ids to codes for
// findings that carry none (to measure a validator from before findings had an `istioctl` field).
import { execFileSync } from 'node:child_process';
import { lint } from '../src/lib/validator/engine.ts';
import { allRules, asWholeCluster } from '../src/lib/validator/rules/index.ts';
import type { Finding } from '../src/lib/validator/types.ts';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const verbose = process.argv.includes('--verbose');
const legacy = process.argv.includes('--legacy');
const [repo = '/work/.mirror/istio+istio/repo', tag = '1.30.3'] = args;

const git = (...a: string[]) => execFileSync('git', ['-C', repo, ...a], { encoding: 'utf8', maxBuffer: 64 << 20 });
const show = (path: string) => git('show', `${tag}:${path}`);
const BASE = 'pkg/config/analysis/analyzers';

/**
 * The analyzers whose messages a paste can decide, the codes of theirs that are in scope, and the
 * validator rules that do their job. Each test case runs one analyzer, so a code claimed by a rule
 * of another analyzer (say, a missing subset in a case that only checks hosts) is out of its scope.
 */
const SCOPE: Record<string, string[]> = {
  'gateway.SecretAnalyzer': ['IST0101', 'IST0161'],
  'gateway.ConflictingGatewayAnalyzer': ['IST0145', 'IST0101'],
  'gateway.CertificateAnalyzer': ['IST0138'],
  'virtualservice.GatewayAnalyzer': ['IST0101', 'IST0132', 'IST0165'],
  'virtualservice.DestinationRuleAnalyzer': ['IST0101'],
  'virtualservice.DestinationHostAnalyzer': ['IST0101'],
  'destinationrule.CaCertificateAnalyzer': ['IST0128', 'IST0129'],
  'serviceentry.ConflictingServiceEntryProtocolAnalyzer': ['IST0177'],
};
const RULES: Record<string, string[]> = {
  'gateway.SecretAnalyzer': ['secret-namespace', 'gw-credential-invalid', 'gw-workload-missing'],
  'gateway.ConflictingGatewayAnalyzer': ['gw-duplicate-server'],
  'gateway.CertificateAnalyzer': ['gw-duplicate-certificate'],
  'virtualservice.GatewayAnalyzer': ['vs-gateway-missing', 'vs-host-not-in-gateway', 'vs-internal-gateway'],
  'virtualservice.DestinationRuleAnalyzer': ['vs-subset-missing'],
  'virtualservice.DestinationHostAnalyzer': ['vs-destination-missing'],
  'destinationrule.CaCertificateAnalyzer': ['dr-tls-no-ca', 'dr-tls-no-verify'],
  'serviceentry.ConflictingServiceEntryProtocolAnalyzer': ['se-protocol-conflict'],
};
const LEGACY: Record<string, string> = {
  'vs-gateway-missing': 'IST0101', 'vs-subset-missing': 'IST0101', 'secret-namespace': 'IST0101',
  'vs-host-not-in-gateway': 'IST0132', 'gw-duplicate-server': 'IST0145',
};

// Message name -> code, from messages.yaml (entries are `- name: "X"` followed by `code: ISTnnnn`).
const codes = new Map<string, string>();
for (const m of show('pkg/config/analysis/msg/messages.yaml').matchAll(/name:\s*"(\w+)"\s*\n\s*code:\s*(IST\d{4})/g)) codes.set(m[1]!, m[2]!);

interface Case { name: string; files: string[]; analyzer: string; expected: { code: string; origin: string }[] }
const cases: Case[] = [];
const grid = show(`${BASE}/analyzers_test.go`);
const body = grid.slice(grid.indexOf('var testGrid'), grid.indexOf('\n}\n', grid.indexOf('var testGrid')));
for (const block of body.split(/\n\t\{\n/).slice(1)) {
  const analyzer = /analyzer:\s*&(\w+\.\w+)\{\}/.exec(block)?.[1];
  if (!analyzer || !SCOPE[analyzer]) continue;
  const files = [...block.matchAll(/"(testdata\/[^"]+\.yaml)"/g)].map((m) => m[1]!).filter((f) => !/meshconfig|meshnetworks/.test(f));
  const expected = [...block.matchAll(/\{msg\.(\w+),\s*"([^"]+)"\}/g)]
    .map((m) => ({ code: codes.get(m[1]!) ?? m[1]!, origin: m[2]! }))
    .filter((e) => SCOPE[analyzer]!.includes(e.code));
  cases.push({ name: /name:\s*"([^"]*)"/.exec(block)?.[1] ?? '?', files, analyzer, expected });
}

/** `Kind name` or `Kind ns/name` (istioctl's origin) against a finding's `Kind/ns/name`. */
function sameResource(origin: string, resource: string): boolean {
  const [kind, ref = ''] = origin.split(' ');
  const [k, ns, ...rest] = resource.split('/');
  const name = rest.join('/');
  if (k !== kind) return false;
  return ref.includes('/') ? ref === `${ns}/${name}` : ref === name;
}
const codeOf = (f: Finding) => f.istioctl ?? (legacy ? LEGACY[f.rule] : undefined);
const loud = (f: Finding) => f.severity !== 'info';

let expectedTotal = 0, matchedLoud = 0, matchedAny = 0, falseAlarms = 0;
const perCode = new Map<string, { expected: number; loud: number; any: number; fa: number }>();
const bump = (code: string, k: 'expected' | 'loud' | 'any' | 'fa', n = 1) => {
  const row = perCode.get(code) ?? { expected: 0, loud: 0, any: 0, fa: 0 };
  row[k] += n;
  perCode.set(code, row);
};
const rules = asWholeCluster(allRules);
for (const c of cases) {
  const files = c.files.map((f) => ({ name: f, text: show(`${BASE}/${f}`) }));
  const findings = lint(files, { lang: 'en', rules }).findings
    .filter((f) => codeOf(f) && SCOPE[c.analyzer]!.includes(codeOf(f)!) && (legacy || RULES[c.analyzer]!.includes(f.rule)));
  const notes: string[] = [];
  // Expected messages, grouped: istioctl may report one code several times on one resource.
  const groups = new Map<string, number>();
  for (const e of c.expected) groups.set(`${e.code} ${e.origin}`, (groups.get(`${e.code} ${e.origin}`) ?? 0) + 1);
  for (const [key, n] of groups) {
    const [code, ...o] = key.split(' ');
    const origin = o.join(' ');
    const on = findings.filter((f) => codeOf(f) === code && sameResource(origin, f.resource));
    const l = Math.min(n, on.filter(loud).length);
    const a = Math.min(n, on.length);
    expectedTotal += n; matchedLoud += l; matchedAny += a;
    bump(code!, 'expected', n); bump(code!, 'loud', l); bump(code!, 'any', a);
    if (l < n) notes.push(`  missed ${n - l}× ${code} on ${origin}${a > l ? ' (info only)' : ''}`);
  }
  // False alarms: a loud finding naming a code on a resource istioctl's test expects no such code on.
  const alarms = new Set<string>();
  for (const f of findings.filter(loud)) {
    const code = codeOf(f)!;
    if (![...groups.keys()].some((k) => k.startsWith(`${code} `) && sameResource(k.slice(code.length + 1), f.resource))) alarms.add(`${code} ${f.resource} (${f.rule}, line ${f.line})`);
  }
  for (const a of alarms) { falseAlarms++; bump(a.split(' ')[0]!, 'fa'); notes.push(`  FALSE ALARM ${a}`); }
  if (verbose || notes.length) console.log(`${c.analyzer} / ${c.name} (${c.files.join(', ')})${notes.length ? '\n' + notes.join('\n') : ': ok'}`);
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '-');
console.log(`\nistio ${tag}: ${cases.length} test cases of ${Object.keys(SCOPE).length} analyzers`);
for (const [code, r] of [...perCode].sort()) console.log(`  ${code}  expected ${String(r.expected).padStart(3)}  warning/error ${String(r.loud).padStart(3)}  any level ${String(r.any).padStart(3)}  false alarms ${r.fa}`);
console.log(`expected messages reported at warning/error: ${matchedLoud}/${expectedTotal} = ${pct(matchedLoud, expectedTotal)}`);
console.log(`expected messages reported at any level:     ${matchedAny}/${expectedTotal} = ${pct(matchedAny, expectedTotal)}`);
console.log(`false alarms (code claimed on a resource the test marks valid): ${falseAlarms}`);
