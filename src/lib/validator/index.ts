// Public entry of the validator engine: pure TypeScript, runs in a Web Worker, in Node and in tests.
export { analyze, lint, MAX_INPUT_CHARS } from './engine.ts';
export type { InputFile, LintOptions } from './engine.ts';
export { rules } from './rules/index.ts';
export { alignmentMap } from './alignment.ts';
export type { AlignmentMap, AlignmentLink, BundleMap } from './alignment.ts';
export { presets } from './presets/index.ts';
export type { Finding, LintResult, Severity, Lang } from './types.ts';
