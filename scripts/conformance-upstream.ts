// Runs the validator over every YAML/JSON file under a directory and prints the error findings
// per file: for checking the validator against configs upstream ships as valid (envoyproxy/examples,
// Istio's samples/ and analyzer test data). Not part of `npm test`; nothing upstream is committed.
//
//   npx tsx scripts/conformance-upstream.ts DIR [--all] [--json]
//
// --all prints warnings and infos too; --json prints one JSON object per finding. The last line
// sums up files, documents and findings by severity. Exit code 0 always: this is a report.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lint } from '../src/lib/validator/index.ts';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
if (!dir) {
  console.error('usage: npx tsx scripts/conformance-upstream.ts DIR [--all] [--json]');
  process.exit(2);
}
const all = args.includes('--all');
const json = args.includes('--json');

function* files(d: string): Generator<string> {
  for (const name of readdirSync(d).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(d, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ya?ml|json)$/i.test(name)) yield p;
  }
}

const total = { files: 0, filesWithErrors: 0, errors: 0, warnings: 0, infos: 0 };
const byRule = new Map<string, number>();
for (const path of files(dir)) {
  const text = readFileSync(path, 'utf8');
  // Helm chart templates are Go templates, not YAML: skip them as `helm template` would render them.
  if (/\{\{[-\s]/.test(text) && /\/templates\//.test(path)) continue;
  total.files++;
  const name = relative(dir, path);
  const { findings, summary } = lint([{ name, text }], { lang: 'en' });
  total.errors += summary.errors;
  total.warnings += summary.warnings;
  total.infos += summary.infos;
  if (summary.errors) total.filesWithErrors++;
  for (const f of findings) {
    if (f.severity === 'error') byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    if (f.severity !== 'error' && !all) continue;
    if (json) console.log(JSON.stringify(f));
    else console.log(`${name}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.resource}: ${f.message}`);
  }
}
console.log(`files ${total.files}, files with errors ${total.filesWithErrors}, errors ${total.errors}, warnings ${total.warnings}, infos ${total.infos}` +
  (byRule.size ? ` (errors by rule: ${[...byRule].map(([r, n]) => `${r} ${n}`).join(', ')})` : ''));
