// Shapes shared by the decoder paths and the engine.
import type { Lang } from './codes.ts';
import type { Category, Side } from './catalog.ts';

export type PartKind =
  | 'boringssl' | 'openssl3' | 'openssl1' | 'alert' | 'x509-verify' | 'curl-exit' | 'response-flags'
  | 'upstream-cluster';

/** One decoded number or field, explained in the reader's language. */
export interface DecodedPart {
  kind: PartKind;
  /** The text it was decoded from, as it appears in the input. */
  raw: string;
  /** Machine-readable values (library, reason number and name, alert number …). */
  values: Record<string, string | number>;
  /** One sentence for people. */
  note: string;
}

/** What a decoder path found in one line: where, what it means, and which catalog identifiers
 * (reason names, X509_V_ERR_*, CURLE_*, response flags) it points to. */
export interface Finding {
  start: number;
  end: number;
  part: DecodedPart;
  names: string[];
  /** Identifiers to use only when none of `names` belongs to a catalog entry. */
  fallback?: string[];
}

export type Recognizer = (line: string, lang: Lang) => Finding[];

export interface ClusterInfo {
  raw: string;
  direction?: 'outbound' | 'inbound';
  port?: number;
  subset?: string;
  host?: string;
}

export interface AccessLogInfo {
  format: 'text' | 'json';
  line: number;
  responseCode?: string;
  responseFlags: { flag: string; long?: string; meaning: string }[];
  responseCodeDetails?: string;
  upstreamCluster?: ClusterInfo;
  upstreamHost?: string;
  authority?: string;
  requestedServerName?: string;
  upstreamTransportFailureReason?: string;
  downstreamTransportFailureReason?: string;
  /** Which hop failed, when the fields say so. */
  side?: 'upstream' | 'downstream';
  /** Plain-language reading of the fields. */
  summary: string;
}

export interface Match {
  id: string;
  category: Category;
  side: Side;
  component: string;
  title: string;
  /** Language-neutral doc paths (`envoy/tls-troubleshooting/`); callers add the locale. */
  docs: string[];
  labs: string[];
  /** 1-based line of the input, and the offset of the match in the whole input. */
  line: number;
  at: number;
  /** The text that matched. */
  text: string;
  decoded: DecodedPart[];
  meaning: string;
  causes: { text: string; commands: string[] }[];
  fix: string;
  related: string[];
}

export interface Candidate {
  id: string;
  title: string;
  category: Category;
  score: number;
}

export interface DecodeResult {
  lang: Lang;
  matches: Match[];
  accessLogs: AccessLogInfo[];
  /** Numbers the decoder could unpack but no catalog entry explains. */
  unattached: DecodedPart[];
  /** Nearest entries, filled only when nothing was recognised. */
  candidates: Candidate[];
}
