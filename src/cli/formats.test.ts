import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint, presets, rules } from '../lib/validator/index.ts';
import type { Finding, LintResult } from '../lib/validator/index.ts';
import { artifactUri, escapeData, escapeProperty, renderGithub, renderJson, renderText, summaryLine, toSarif } from './formats.ts';
import { sarifProblems } from './sarif-shape.ts';
import { SITE_ORIGIN } from './site.ts';

const bundle = (id: string) => presets.find((p) => p.id === id)!.yaml;
const sni = lint([{ name: 'egress/sni.yaml', text: bundle('pitfall-sni-mismatch') }], { lang: 'en' });
const dup = lint([{ name: 'egress/dup.yaml', text: bundle('pitfall-duplicate-dr') }], { lang: 'en' });

/** A made-up finding with every optional part, for the renderers' own behaviour. */
const synthetic: Finding & { istioctl: string } = {
  file: 'k8s/my dir/a,b:c.yaml', rule: 'vs-host-not-in-gateway', severity: 'warning', line: 3, column: 5, endLine: 3, endColumn: 9,
  resource: 'VirtualService/ns/x', message: '100% wrong,\nsecond line\r', docs: 'egress/double-mtls/', istioctl: 'IST0132',
};
const syntheticResult: LintResult = { findings: [synthetic], summary: { errors: 0, warnings: 1, infos: 0 } };

describe('SARIF output', () => {
  it('is a SARIF 2.1.0 log GitHub code scanning accepts', () => {
    for (const result of [sni, dup, syntheticResult, lint([{ name: 'ok.yaml', text: bundle('double-mtls-valid') }], { lang: 'en' })]) {
      expect(sarifProblems(toSarif(result, 'en'))).toEqual([]);
    }
    // The checker itself catches what it claims to.
    expect(sarifProblems({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x', rules: [{ id: 'a' }] } }, results: [{ ruleId: 'b', level: 'info', message: {}, locations: [] }] }] }))
      .toEqual(expect.arrayContaining([expect.stringMatching(/ruleId/), expect.stringMatching(/level info/), expect.stringMatching(/message.text/), expect.stringMatching(/locations/)]));
  });
  it('lists every rule of the catalogue with its help page and maps each finding to one', () => {
    const log = toSarif(sni, 'en') as any;
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('meshtls');
    expect(driver.version).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(rules.map((r) => r.id));
    const align = driver.rules.find((r: { id: string }) => r.id === 'align-sni');
    expect(align.helpUri).toBe(`${SITE_ORIGIN}/en/tools/validator-rules/#align-sni`);
    expect(align.shortDescription.text).toBe(rules.find((r) => r.id === 'align-sni')!.title.en);
    expect(toSarif(sni, 'ko') as any).toMatchObject({ runs: [{ tool: { driver: { rules: expect.arrayContaining([expect.objectContaining({ helpUri: `${SITE_ORIGIN}/tools/validator-rules/#align-sni` })]) } } }] });
    const [res] = log.runs[0].results;
    expect(res).toMatchObject({ ruleId: 'align-sni', level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'egress/sni.yaml' }, region: { startLine: sni.findings[0]!.line, startColumn: sni.findings[0]!.column } } }] });
    expect(driver.rules[res.ruleIndex].id).toBe('align-sni');
    expect((toSarif(dup, 'en') as any).runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'dr-duplicate-host').level).toBe('warning');
    const note = { ...synthetic, severity: 'info' as const };
    expect((toSarif({ findings: [note], summary: { errors: 0, warnings: 0, infos: 1 } }, 'en') as any).runs[0].results[0].level).toBe('note');
  });
  it('carries the istioctl code on the result and its rule when the engine gives one', () => {
    const log = toSarif(syntheticResult, 'en') as any;
    expect(log.runs[0].results[0].properties).toEqual({ istioctl: 'IST0132' });
    // Rules carry their catalogue code.
    for (const rule of log.runs[0].tool.driver.rules as { id: string; properties: { istioctl?: string } }[]) {
      expect(rule.properties.istioctl, rule.id).toBe(rules.find((r) => r.id === rule.id)?.istioctl);
    }
    expect(rules.some((r) => r.istioctl)).toBe(true);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('k8s/my%20dir/a%2Cb%3Ac.yaml');
    expect(log.runs[0].results[0].locations[0].physicalLocation.region).toEqual({ startLine: 3, startColumn: 5, endLine: 3, endColumn: 9 });
    expect(JSON.parse(renderJson(sni, 'en')).findings.map((f: { istioctl?: string }) => f.istioctl)).toEqual(sni.findings.map((f) => f.istioctl));
    expect(JSON.parse(renderJson(syntheticResult, 'en')).findings[0].istioctl).toBe('IST0132');
    expect(renderText(synthetic, 'en')).toMatch(/^k8s\/my dir\/a,b:c\.yaml:3:5: warning \[vs-host-not-in-gateway\] \(istioctl IST0132\) VirtualService\/ns\/x\n/);
  });
  it('makes artifact URIs relative to the working directory, or file: URLs for absolute paths', () => {
    expect(artifactUri('./k8s/a.yaml')).toBe('k8s/a.yaml');
    expect(artifactUri('/tmp/x y/a.yaml')).toBe('file:///tmp/x%20y/a.yaml');
    expect(artifactUri('a#b.yaml')).toBe('a%23b.yaml');
  });
});

describe('summary line', () => {
  it('counts in the language of the output, with English plurals and Korean counters', () => {
    expect(summaryLine({ errors: 1, warnings: 2, infos: 0 }, 'en')).toBe('1 error, 2 warnings, 0 notes');
    expect(summaryLine({ errors: 0, warnings: 1, infos: 1 }, 'en')).toBe('0 errors, 1 warning, 1 note');
    expect(summaryLine({ errors: 3, warnings: 0, infos: 2 }, 'ko')).toBe('오류 3개, 경고 0개, 참고 2개');
  });
});

describe('GitHub workflow-command output', () => {
  it('escapes data and properties as the Actions runner reads them', () => {
    expect(escapeData('100%\r\na:b,c')).toBe('100%25%0D%0Aa:b,c');
    expect(escapeProperty('100%\r\na:b,c')).toBe('100%25%0D%0Aa%3Ab%2Cc');
  });
  it('prints one annotation line per finding with file, position and title', () => {
    const line = renderGithub(synthetic, 'en');
    expect(line.split('\n')).toHaveLength(2); // one line, then the newline
    expect(line).toBe(`::warning file=k8s/my dir/a%2Cb%3Ac.yaml,line=3,col=5,endLine=3,endColumn=9,title=meshtls vs-host-not-in-gateway (istioctl IST0132)::VirtualService/ns/x: 100%25 wrong,%0Asecond line%0D%0A${SITE_ORIGIN}/en/egress/double-mtls/\n`);
    const [f] = sni.findings;
    expect(renderGithub(f!, 'en')).toMatch(new RegExp(`^::error file=egress/sni\\.yaml,line=${f!.line},col=${f!.column},.*title=meshtls align-sni::`));
    expect(renderGithub({ ...synthetic, severity: 'info' }, 'en')).toMatch(/^::notice /);
  });
});
