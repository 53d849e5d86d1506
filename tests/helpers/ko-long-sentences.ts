// Report (not a test): Korean sentences over 150 characters, page by page, for an editor to split.
// Run: npx tsx tests/helpers/ko-long-sentences.ts [limit]
import { longSentences } from './glossary-lint.ts';
import { pagePaths, readPage } from './content.ts';

const limit = Number(process.argv[2] ?? 150);
let total = 0;
for (const path of pagePaths('ko')) {
  const found = longSentences(readPage('ko', path).body, limit);
  if (found.length === 0) continue;
  console.log(`content/ko/${path}`);
  for (const sentence of found) console.log(`  body line ${sentence.line} (${sentence.length}): ${sentence.text.slice(0, 90)}…`);
  total += found.length;
}
console.log(`${total} Korean sentence(s) over ${limit} characters`);
