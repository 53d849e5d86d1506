export { inspect, type InspectInput, type InspectOptions, type InspectReport, type Verdict, type Finding, type ChainReport, type KeyReport } from './inspect.ts';
export { parseInput } from './input.ts';
export { checkHost, canonicalIp } from './hostname.ts';
export type { CertInfo } from './describe.ts';
export type { Lang, Purpose } from './types.ts';
