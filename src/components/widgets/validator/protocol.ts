// Messages between the validator widget and its worker.
import type { AlignmentMap } from '../../../lib/validator/alignment.ts';
import type { LintResult } from '../../../lib/validator/types.ts';

export const LINT_TIMEOUT_MS = 5000;

export interface LintRequest { text: string; lang: 'ko' | 'en' }

export interface LintResponse {
  result: LintResult;
  alignment: AlignmentMap;
  /** What was read, for the "nothing wrong found" message. */
  documents: number;
  kinds: Record<string, number>;
}
