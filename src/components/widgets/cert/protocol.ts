// Messages between the certificate inspector widget and its worker.
import type { InspectReport } from '../../../lib/cert/index.ts';

/** Text the widget reads at most; the engine parses about 150 certificates a second on a slow machine. */
export const MAX_CERT_CHARS = 2_000_000;
export const CERT_TIMEOUT_MS = 30_000;

export interface CertRequest {
  text: string;
  trust: string;
  host: string;
  purpose: 'server' | 'client';
  /** ISO time or ''. */
  at: string;
  lang: 'ko' | 'en';
}
export type CertResponse = { kind: 'ok'; report: InspectReport; badTime: boolean } | { kind: 'too-large'; chars: number } | { kind: 'failed'; message: string };
