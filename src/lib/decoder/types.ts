// Shapes shared by the decoder paths and the engine.
import type { Lang } from './codes.ts';
import type { Category, Logger, Side } from './catalog.ts';

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

/** Where in the mesh the proxy that wrote an access-log line sits, and which hop failed. */
export interface HopInfo {
  /** `sidecar`/`gateway` when the line's addresses (or the caller) say so. */
  proxy?: 'sidecar' | 'gateway';
  /** hop1: sidecar → egress gateway; hop2: gateway → external host; direct: a sidecar went to
   * the external host itself; external: a line toward an external host from an unknown proxy;
   * inbound: a sidecar toward its own workload. */
  hop: 'hop1' | 'hop2' | 'direct' | 'external' | 'inbound' | 'mesh';
  /** One or two sentences in the reader's language: which hop, and what it implies. */
  note: string;
  /** Language-neutral page paths with an anchor in the reader's language. */
  links: { path: string; anchor: string; label: string }[];
  /** Commands for what the reader has in this situation (the pod that wrote the line). */
  commands: string[];
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
  meshHop?: HopInfo;
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
  /** Which end of the TLS connection wrote the line, when the text says so. */
  logger?: Logger;
  /** What the entry means from that end ("the client rejected this server's certificate"). */
  perspective?: string;
  /** For an envelope ranked after the line's specific cause: how the two relate. */
  because?: string;
  /** A certificate error: the card offers the certificate inspector. */
  inspect: boolean;
  /** For a certificate error: commands that print the certificates in question, for what the
   * reader has (the proxy's secrets for an Envoy line, the peer's chain otherwise), to paste into
   * the inspector. */
  certCommands?: string[];
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
