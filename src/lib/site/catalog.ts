// The error catalog as the site sees it at build time: the same YAML files the CLI reads, checked
// by the same schema check, so a broken entry fails the build.
import { parse } from 'yaml';
import { validateCatalog, type Catalog, type CatalogEntry, type Category } from '../decoder/catalog.ts';

const files = import.meta.glob<string>('/src/data/errors/*.yaml', { query: '?raw', import: 'default', eager: true });

let cached: Catalog | undefined;

export function siteCatalog(): Catalog {
  if (cached) return cached;
  const entries = Object.entries(files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, text]) => parse(text) as CatalogEntry);
  const problems = validateCatalog(entries);
  if (problems.length > 0) {
    throw new Error(`The error catalog is invalid:\n${problems.map((p) => `  ${p.id}: ${p.message}`).join('\n')}`);
  }
  cached = entries;
  return entries;
}

export function entryById(id: string): CatalogEntry | undefined {
  return siteCatalog().find((entry) => entry.id === id);
}

/** Category names as readers see them. */
export const CATEGORY_LABELS: Record<Category, { ko: string; en: string }> = {
  'cert-verify-failed': { ko: '인증서 검증 실패', en: 'Certificate verification failed' },
  'cert-expired': { ko: '인증서 만료', en: 'Certificate expired' },
  'cert-not-yet-valid': { ko: '아직 유효하지 않은 인증서', en: 'Certificate not yet valid' },
  'unknown-ca': { ko: '알 수 없는 인증 기관', en: 'Unknown CA' },
  'hostname-mismatch': { ko: '호스트 이름 불일치', en: 'Host name mismatch' },
  'client-cert-missing': { ko: '클라이언트 인증서 없음', en: 'Client certificate missing' },
  'client-cert-rejected': { ko: '클라이언트 인증서 거부', en: 'Client certificate rejected' },
  'protocol-version': { ko: '프로토콜 버전 불일치', en: 'Protocol version mismatch' },
  'no-shared-cipher': { ko: '공통 암호 스위트 없음', en: 'No shared cipher' },
  'tls-to-plaintext': { ko: '평문 포트에 TLS', en: 'TLS to a plaintext port' },
  'plaintext-to-tls': { ko: 'TLS 포트에 평문', en: 'Plaintext to a TLS port' },
  'sni-mismatch': { ko: 'SNI 불일치', en: 'SNI mismatch' },
  'sds-secret-missing': { ko: 'SDS 시크릿 없음', en: 'SDS secret missing' },
  'sds-rbac-denied': { ko: 'SDS 권한 거부', en: 'SDS access denied' },
  'key-mismatch': { ko: '개인 키와 인증서 불일치', en: 'Key and certificate mismatch' },
  'bad-certificate-format': { ko: '인증서 형식 오류', en: 'Bad certificate format' },
  'cert-revoked': { ko: '폐기된 인증서', en: 'Certificate revoked' },
  'connection-reset': { ko: '연결 끊김', en: 'Connection reset' },
  'upstream-overflow': { ko: '업스트림 한도 초과', en: 'Upstream overflow' },
  'no-route': { ko: '라우트 없음', en: 'No route' },
  'no-healthy-upstream': { ko: '정상 업스트림 없음', en: 'No healthy upstream' },
  unknown: { ko: '분류되지 않음', en: 'Unclassified' },
};

export const SIDE_LABELS = {
  downstream: { ko: '다운스트림 쪽(클라이언트 방향)', en: 'Downstream (toward the client)' },
  upstream: { ko: '업스트림 쪽(서버 방향)', en: 'Upstream (toward the server)' },
  either: { ko: '양쪽 모두 가능', en: 'Either side' },
} as const;
