// Drawn width of every diagram in content/ and the label size it gets in the 632 px column of a
// 1280 px window (16 px labels, shrunk with the column, never below 12 px: wider ones scroll).
// Renders what the diagram cache lacks, as the build does. Usage: node scripts/diagram-widths.mjs
import { fileURLToPath } from 'node:url';
import { DiagramCache, findDiagrams, MIN_LABEL_PX, renderMissing } from '../src/plugins/mermaid.mjs';

const root = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const COLUMN_PX = 632;
const cache = new DiagramCache(root('.cache/mermaid'));
const diagrams = ['ko', 'en'].flatMap((lang) => findDiagrams(root(`content/${lang}`)).map((code) => ({ lang, code })));
const { failed } = await renderMissing(diagrams.map((d) => d.code), cache, console);
for (const { reason } of failed) console.error(reason);
for (const { lang, code } of diagrams) {
  const rendered = cache.get(code);
  const svg = rendered?.both ?? rendered?.light;
  if (!svg) continue;
  const width = Number(svg.match(/viewBox="[-\d.]+\s+[-\d.]+\s+([\d.]+)/)?.[1]);
  const label = Math.max(MIN_LABEL_PX, 16 * Math.min(1, COLUMN_PX / width));
  const note = (16 * COLUMN_PX) / width < MIN_LABEL_PX ? '  scrolls at 1280 px' : '';
  console.log(`${lang}  ${String(Math.round(width)).padStart(5)} px  ${label.toFixed(1).padStart(4)} px  ${rendered.title ?? '(no accTitle)'}${note}`);
}
