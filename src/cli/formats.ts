// The four outputs of `meshtls lint`: text for people, JSON for scripts, SARIF 2.1.0 for GitHub
// code scanning and GitHub Actions workflow commands (annotations on the pull request's diff).
import { pathToFileURL } from 'node:url';
import { isAbsolute } from 'node:path';
import { rules as catalogue } from '../lib/validator/index.ts';
import type { Finding, Lang, LintResult, Severity } from '../lib/validator/index.ts';
import { docsUrl } from '../lib/site/urls.ts';
import { ruleUrl, siteUrl } from './site.ts';
import pkg from '../../package.json' with { type: 'json' };

/** The matching `istioctl analyze` code of a finding or rule, if there is one (optional in the
 * engine's types; an empty string means none). */
export function istioctlCode(x: { istioctl?: string }): string | undefined {
  return x.istioctl || undefined;
}

export function summaryLine({ errors, warnings, infos }: LintResult['summary'], lang: Lang): string {
  if (lang === 'ko') return `오류 ${errors}개, 경고 ${warnings}개, 참고 ${infos}개`;
  const n = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;
  return `${n(errors, 'error')}, ${n(warnings, 'warning')}, ${n(infos, 'note')}`;
}

export function renderText(f: Finding, lang: Lang): string {
  const code = istioctlCode(f);
  return `${f.file}:${f.line}:${f.column}: ${f.severity} [${f.rule}]${code ? ` (istioctl ${code})` : ''} ${f.resource}\n  ${f.message}\n  -> ${siteUrl(f.docs, lang)}\n`;
}

/** The JSON contract: one object per finding; `docs` is the site path in the chosen language. */
export function renderJson({ findings, summary }: LintResult, lang: Lang): string {
  const slim = findings.map((f) => {
    const { file, rule, severity, line, column, resource, message, docs } = f;
    const code = istioctlCode(f);
    return { file, rule, ...(code ? { istioctl: code } : {}), severity, line, column, resource, message, docs: docsUrl(docs, lang) };
  });
  return `${JSON.stringify({ findings: slim, summary }, null, 2)}\n`;
}

// --- GitHub Actions workflow commands -------------------------------------------------------
// Escaping as the runner reads it (actions/toolkit, packages/core/src/command.ts): the message
// escapes % CR LF; a property value also escapes the delimiters `:` and `,`.
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const GITHUB_COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function renderGithub(f: Finding, lang: Lang): string {
  const code = istioctlCode(f);
  const props: [string, string | number | undefined][] = [
    ['file', f.file],
    ['line', f.line],
    ['col', f.column],
    ['endLine', f.endLine],
    ['endColumn', f.endLine === f.line ? f.endColumn : undefined],
    ['title', `meshtls ${f.rule}${code ? ` (istioctl ${code})` : ''}`],
  ];
  const p = props.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${GITHUB_COMMAND[f.severity]} ${p}::${escapeData(`${f.resource}: ${f.message}\n${siteUrl(f.docs, lang)}`)}\n`;
}

// --- SARIF 2.1.0 ----------------------------------------------------------------------------
const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A SARIF artifact URI: relative paths stay relative (GitHub resolves them from the repository
 * root), absolute ones become file: URLs, each segment percent-encoded. */
export function artifactUri(file: string): string {
  const slashed = file.replace(/\\/g, '/');
  if (isAbsolute(file) || /^[A-Za-z]:\//.test(slashed)) return pathToFileURL(file).href;
  return slashed.replace(/^\.\//, '').split('/').map(encodeURIComponent).join('/');
}

export function toSarif({ findings }: LintResult, lang: Lang): object {
  const ruleDefs = catalogue.map((r) => {
    // The rule's own code; a finding whose code differs (one rule, several codes) carries its own.
    const code = istioctlCode(r);
    return {
      id: r.id,
      name: r.id,
      shortDescription: { text: r.title[lang] },
      fullDescription: { text: r.summary[lang] },
      helpUri: ruleUrl(r.id, lang),
      help: { text: `${r.summary[lang]}\n${ruleUrl(r.id, lang)}` },
      defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
      properties: code ? { istioctl: code } : {},
    };
  });
  // A finding of a rule the catalogue lacks still gets a rule entry, so every ruleIndex is valid.
  for (const f of findings) {
    if (!ruleDefs.some((r) => r.id === f.rule)) {
      ruleDefs.push({ id: f.rule, name: f.rule, shortDescription: { text: f.rule }, fullDescription: { text: f.rule }, helpUri: ruleUrl(f.rule, lang), help: { text: ruleUrl(f.rule, lang) }, defaultConfiguration: { level: SARIF_LEVEL[f.severity] }, properties: {} });
    }
  }
  const results = findings.map((f) => {
    const code = istioctlCode(f);
    const region: Record<string, number> = { startLine: f.line, startColumn: f.column };
    if (f.endLine !== undefined && f.endColumn !== undefined && (f.endLine > f.line || (f.endLine === f.line && f.endColumn > f.column))) {
      region.endLine = f.endLine;
      region.endColumn = f.endColumn;
    }
    return {
      ruleId: f.rule,
      ruleIndex: ruleDefs.findIndex((r) => r.id === f.rule),
      level: SARIF_LEVEL[f.severity],
      message: { text: `${f.message} ${siteUrl(f.docs, lang)}` },
      locations: [{
        physicalLocation: { artifactLocation: { uri: artifactUri(f.file) }, region },
        logicalLocations: [{ fullyQualifiedName: f.resource, kind: 'resource' }],
      }],
      ...(code ? { properties: { istioctl: code } } : {}),
    };
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'meshtls',
          version: pkg.version,
          semanticVersion: pkg.version,
          informationUri: siteUrl('tools/validator/', lang),
          rules: ruleDefs,
        },
      },
      // Columns count UTF-16 code units, as the YAML parser's positions do.
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
}
