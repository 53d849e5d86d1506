// What a rule is: metadata (id, severity, Istio field, page, catalog entry) and a check over the
// whole map. A check returns hits; index.ts turns them into findings in the chosen language.
import type { ClusterRow, ExplainResult, FindingTarget, ListenerRow, ProxyInfo, RuleMeta, SecretRow, Severity } from '../types.ts';

export type Map = Omit<ExplainResult, 'findings' | 'summary'>;

export interface Context {
  map: Map;
  now: Date;
  expiringDays: number;
  /** Secrets of one proxy by name (a name can be both active and warming). */
  secrets(proxy: number): globalThis.Map<string, SecretRow[]>;
  /** Whether the proxy's input had a secrets section at all. */
  sawSecrets(proxy: number): boolean;
  proxy(id: number): ProxyInfo;
}

export interface Hit {
  target: FindingTarget;
  text: { ko: string; en: string };
  /** Overrides of the rule's defaults for this hit. */
  severity?: Severity;
  field?: string;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: Context): Hit[];
}

export const clusterTarget = (c: ClusterRow): FindingTarget => ({ kind: 'cluster', proxy: c.proxy, name: c.name });
export const listenerTarget = (l: ListenerRow): FindingTarget => ({ kind: 'listener', proxy: l.proxy, name: l.name });
export const chainTarget = (l: ListenerRow, i: number): FindingTarget => ({ kind: 'filter-chain', proxy: l.proxy, name: `${l.name}#${i}` });
export const secretTarget = (s: SecretRow): FindingTarget => ({ kind: 'secret', proxy: s.proxy, name: s.name });

/** `{name}` placeholders filled in both languages. */
export function text(t: { ko: string; en: string }, values: Record<string, string | number | undefined>): { ko: string; en: string } {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
  return { ko: fill(t.ko), en: fill(t.en) };
}
