// The onboarding track as the site sees it at build time: the YAML files under src/data/onboarding,
// checked by the same schema check as the unit test, so a broken file fails the build.
import { parse } from 'yaml';
import { trackProblems, type Module } from '../../lib/onboarding/track.ts';

const files = import.meta.glob<string>('/src/data/onboarding/*.yaml', { query: '?raw', import: 'default', eager: true });

let cached: Module[] | undefined;

export function track(): Module[] {
  if (cached) return cached;
  const modules = Object.entries(files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, text]) => parse(text) as Module);
  const problems = trackProblems(modules);
  if (problems.length > 0) throw new Error(`The onboarding track is invalid:\n${problems.join('\n')}`);
  cached = modules;
  return modules;
}

export function moduleById(id: string): Module {
  const m = track().find((x) => x.id === id);
  if (!m) throw new Error(`unknown onboarding module: ${id}`);
  return m;
}
