// Every rule of the explainer, one file each (the file name is the rule id).
import type { Rule } from './rule.ts';
import { rule as warmingResource } from './warming-resource.ts';

export const RULES: Rule[] = [warmingResource];
