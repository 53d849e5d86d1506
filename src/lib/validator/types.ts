import type { BundleIndex } from './bundle-index.ts';
import type { ParseProblem } from './parse.ts';
import type { Document, LineCounter } from 'yaml';

export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'ko' | 'en';
export interface Text { ko: string; en: string }

export interface Finding {
  file: string;
  rule: string;
  severity: Severity;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** `Kind/namespace/name`, or `file` for findings outside any resource. */
  resource: string;
  message: string;
  /** Language-neutral site path of the page that explains the problem. */
  docs: string;
  /** The `istioctl analyze` message code this finding matches (`IST0101`), when there is one. */
  istioctl?: string;
}

export interface LintResult {
  findings: Finding[];
  summary: { errors: number; warnings: number; infos: number };
}

/** One YAML document of the input, parsed with positions. */
export interface ParsedDoc {
  file: string;
  index: number;
  doc: Document.Parsed;
  lc: LineCounter;
  /** Plain JS value, or undefined when the document did not parse cleanly. */
  value: unknown;
}

/** A Kubernetes-style resource (has apiVersion and kind). */
export interface Resource {
  src: ParsedDoc;
  kind: string;
  apiVersion: string;
  group: string;
  name: string;
  /** Namespace as written, or 'default' when absent (what `kubectl apply` without -n usually does). */
  ns: string;
  nsExplicit: boolean;
  obj: Record<string, unknown>;
  spec: Record<string, unknown>;
}

export type Path = (string | number)[];

export interface Report {
  rule: string;
  /** Where: a resource or a bare parsed document. */
  at: Resource | ParsedDoc;
  path: Path;
  /** Point at the key (default) or the value. */
  on?: 'key' | 'value';
  severity?: Severity;
  msg: Text;
  /** Explicit source offsets (YAML errors), instead of `path`. */
  offsets?: [number, number];
  /** istioctl code of this report when it differs from the rule's (one rule, several codes); `''` for none. */
  istioctl?: string;
}

export interface Ctx {
  docs: ParsedDoc[];
  problems: ParseProblem[];
  resources: Resource[];
  /** Lookups over `resources` (by kind, host, gateway, name), built once per validation. */
  index: BundleIndex;
  /** Current time in ms (certificate expiry); injectable for tests. */
  now: number;
  /**
   * Read the paste as the whole cluster, as `istioctl analyze --use-kube=false` does: a Gateway,
   * Secret, DestinationRule or workload that is not in the paste does not exist. Off by default
   * (a paste is usually a few resources of a larger cluster); see `asWholeCluster` in rules/index.ts.
   */
  complete?: boolean;
  report(r: Report): void;
}

export interface Rule {
  id: string;
  severity: Severity;
  title: Text;
  /** What is wrong, what it breaks at runtime, and what to write instead. */
  summary: Text;
  docs: string;
  /** The `istioctl analyze` message code the rule matches (`IST0101`), when there is one. */
  istioctl?: string;
  check(ctx: Ctx): void;
}
