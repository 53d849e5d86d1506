// Reading the pages' sources (content/ko, content/en) for the content tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { listPages } from '../../scripts/link-content.mjs';

export const CONTENT = join(import.meta.dirname, '../../content');

export interface PageSource {
  path: string;
  frontmatter: Record<string, unknown>;
  body: string;
}

export function readPage(lang: 'ko' | 'en', path: string): PageSource {
  const text = readFileSync(join(CONTENT, lang, path), 'utf8');
  const match = text.match(/^---\n([\s\S]*?)\n---\n?([\s\S]*)$/);
  return { path, frontmatter: match ? (parse(match[1]!) as Record<string, unknown>) : {}, body: match ? match[2]! : text };
}

export function pagePaths(lang: 'ko' | 'en'): string[] {
  return (listPages(join(CONTENT, lang)) as string[]).sort();
}

/** Fenced code blocks: their info string (language + meta) and content. */
export function codeBlocks(body: string): { info: string; code: string; line: number }[] {
  const blocks: { info: string; code: string; line: number }[] = [];
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const open = lines[i]!.match(/^(\s*)(`{3,}|~{3,})(.*)$/);
    if (!open) continue;
    const fence = open[2]!;
    const start = i;
    const code: string[] = [];
    for (i += 1; i < lines.length && !lines[i]!.trim().startsWith(fence); i += 1) code.push(lines[i]!);
    blocks.push({ info: open[3]!.trim(), code: code.join('\n'), line: start + 1 });
  }
  return blocks;
}

/** The page's prose: the body without code blocks, inline code, imports, JSX tags and URLs. */
export function prose(body: string): string {
  return body
    .replace(/^(\s*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n\s*\2\s*$/gm, '')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/^import .*$/gm, '')
    .replace(/<[^>\n]+>/g, ' ')
    .replace(/\]\([^)]*\)/g, ']');
}

export function headings(body: string): string[] {
  const withoutCode = body.replace(/^(\s*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n\s*\2\s*$/gm, '');
  return withoutCode.split('\n').filter((line) => /^#{2,6}\s/.test(line));
}
