// What the widget draws, independent of the engine's own types: the worker turns the engine's
// report into this (adapter.ts), and the page only renders it. Plain data, cheap to post.

export type Severity = 'error' | 'warning' | 'info';
export type RowKind = 'cluster' | 'listener' | 'secret' | 'workload';

/** One line of the TLS map (a cluster, a listener filter chain, a secret, a ztunnel workload). */
export interface MapRow {
  kind: RowKind;
  /** The finding targets this row answers to (a filter chain: its own, then its listener's). The
   * first is the row's key, unique in the view: the details panel asks the worker for the row's
   * facts by it (building them for 50,000 rows up front would cost time and memory for rows
   * nobody opens). Rows carry nothing else the page can do without: it unpacks every one. */
  targets: string[];
  /** The object's name as the proxy holds it (cluster name, listener name + chain, secret name). */
  name: string;
  /** One-line summary under the name (TLS mode, SNI, ports…). */
  summary: string;
  /** Lower-case text the filter searches: host, port, SNI, server names, secret names. */
  search: string;
  /** The worst severity of the findings about this row, if any. */
  worst?: Severity;
}

export interface FindingView {
  /** The rule id: one card per rule. */
  rule: string;
  severity: Severity;
  /** Title of the rule, in the page's language. */
  title: string;
  message: string;
  /** The Istio (or Envoy) field that most likely caused it, e.g. `DestinationRule.spec.trafficPolicy.tls.sni`. */
  field?: string;
  /** Language-neutral site path ('egress/double-mtls-pitfalls/#…'), prefixed by the page. */
  docs?: string;
  /** Error catalog id, linked as /errors/<id>/. */
  error?: string;
  /** The object it is about: a MapRow target key, its name as shown, and its kind. */
  target: string;
  object: string;
  kind: RowKind | 'proxy';
  /** The input it came from. */
  file: string;
}

/** Input that could not be read: which file, where, and what to do. */
export interface InputProblem {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

export interface ExplainView {
  rows: MapRow[];
  findings: FindingView[];
  problems: InputProblem[];
  /** What each input was read as (the engine's InputForm and ProxyKind), by file. */
  inputs: { file: string; form: string; proxy: string; bytes: number }[];
  /** A private key was seen in the input (PEM or inline bytes that are not `[redacted]`). */
  privateKey: boolean;
  /** Milliseconds the engine took, for the status line and the bench. */
  ms: number;
}

/** A row's details: label key (strings.ts `f_<key>`, or shown as is) and value. */
export type Facts = [string, string][];

export const rowKey = (row: MapRow): string => row.targets[0]!;
