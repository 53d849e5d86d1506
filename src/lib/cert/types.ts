export type Lang = 'ko' | 'en';
export type Purpose = 'server' | 'client';

/** The input forms the inspector recognises. */
export type InputForm = 'pem' | 'der-base64' | 'pem-base64' | 's_client' | 'k8s-secret' | 'istioctl-secret' | 'ztunnel';

/** Where an object came from: the file (or paste), the 1-based line it starts on, the form. */
export interface Origin {
  file: string;
  line: number;
  form: InputForm;
  /** The field of a Secret or a dump it was read from (`tls.crt`, `rootCerts[0]`). */
  field?: string;
}

/** `presented`: what a peer sends (leaf first); `trust`: what the verifier trusts (ca.crt, ROOTCA). */
export type Role = 'presented' | 'trust';

export interface RawObject {
  kind: 'certificate' | 'private-key' | 'csr' | 'public-key';
  /** PEM label, or `CERTIFICATE` for base64 DER. */
  label: string;
  der: Uint8Array;
  origin: Origin;
  role: Role;
  /** Objects of one ztunnel identity belong together; everything else is group 0. */
  group: number;
}

/** Input that could not be read. `line` is 1-based. */
export interface InputProblem {
  file: string;
  line: number;
  message: string;
}

export interface ParsedInput {
  objects: RawObject[];
  problems: InputProblem[];
  /** Things worth saying that are not problems (a redacted key in an istioctl dump). */
  notes: string[];
}
