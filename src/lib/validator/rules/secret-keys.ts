import type { Resource, Rule } from '../types.ts';
import { parseCert, pemBlocks, privateKeyPublic } from '../pem.ts';
import { isSecret, secretEntries } from './_credentials.ts';

const PAIRS: [string, string][] = [['tls.crt', 'tls.key'], ['cert', 'key']];
const CA_KEYS = ['ca.crt', 'cacert'];
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const rule: Rule = {
  id: 'secret-keys',
  severity: 'error',
  title: { ko: '자격 증명 시크릿의 키 이름 또는 내용 문제', en: 'Credential secret keys or content wrong' },
  summary: {
    ko: '`credentialName`이 가리키는 시크릿은 인증서와 개인 키를 `tls.crt`/`tls.key`나 `cert`/`key` 한 쌍으로 담아야 하고, 상대를 검증하는 `MUTUAL`이면 CA를 `ca.crt`(또는 `cacert`, 혹은 `<이름>-cacert` 시크릿)로 담아야 한다. 키 이름이 다르면 SDS가 인증서를 찾지 못해 핸드셰이크가 실패한다(`Secret is not supplied by SDS`). 값이 실제 PEM이면 인증서가 해석되는지, 만료되지 않았는지, 개인 키가 인증서와 짝인지도 본다. 매니페스트의 자리 표시자 값은 문제로 보지 않는다.',
    en: 'A secret named by `credentialName` must hold the certificate and private key as a pair, `tls.crt`/`tls.key` or `cert`/`key`, and, for `MUTUAL` which verifies the peer, the CA as `ca.crt` (or `cacert`, or a separate `<name>-cacert` secret). With other key names SDS finds no certificate and handshakes fail (`Secret is not supplied by SDS`). Where the values are real PEM, the rule also checks that the certificate parses, has not expired, and matches the private key. Placeholder values in manifests are not a problem.',
  },
  docs: 'egress/double-mtls-pitfalls/',
  check(ctx) {
    const secrets = ctx.resources.filter(isSecret);
    const report = (s: Resource, key: string, field: string, ko: string, en: string, path?: (string | number)[]) =>
      ctx.report({ rule: 'secret-keys', at: s, path: path ?? [field, key], msg: { ko, en } });
    // Key names, for the secrets the bundle's credentialName references point at.
    const byName = ctx.index.secretsByName;
    for (const ref of ctx.index.credentialRefs) {
      const named = byName.get(ref.name) ?? [];
      const s = named.find((x) => x.ns === ref.by.ns) ?? named[0];
      if (!s) continue;
      const keys = secretEntries(s).map((e) => e.key);
      const path = keys.length ? [s.obj.data ? 'data' : 'stringData'] : ['metadata', 'name'];
      if (ref.needsPair && !PAIRS.some(([c, k]) => keys.includes(c) && keys.includes(k))) {
        report(s, '', '', `\`${ref.by.kind}/${ref.by.name}\`가 이 시크릿을 자격 증명으로 쓰는데 인증서와 개인 키 쌍(\`tls.crt\`/\`tls.key\` 또는 \`cert\`/\`key\`)이 없다(있는 키: ${keys.join(', ') || '없음'}). SDS가 인증서를 찾지 못해 핸드셰이크가 실패한다. 키 이름을 둘 중 한 방식으로 맞추자.`,
          `\`${ref.by.kind}/${ref.by.name}\` uses this secret as a credential, but it has no certificate/key pair (\`tls.crt\`/\`tls.key\` or \`cert\`/\`key\`; keys present: ${keys.join(', ') || 'none'}). SDS finds no certificate and handshakes fail. Rename the keys to one of the two conventions.`, path);
      }
      const caSibling = (byName.get(`${ref.name}-cacert`) ?? []).some((x) => x.ns === s.ns);
      if (ref.needsCa && !CA_KEYS.some((k) => keys.includes(k)) && !caSibling) {
        report(s, '', '', `\`${ref.by.kind}/${ref.by.name}\`는 이 시크릿의 CA로 상대 인증서를 검증해야 하는데 \`ca.crt\`(또는 \`cacert\`)가 없고 \`${ref.name}-cacert\` 시크릿도 없다. ${ref.role === 'gateway' ? '클라이언트 인증서를 검증할 수 없다' : '서버 인증서를 검증할 CA가 없다'}. \`ca.crt\` 키에 CA 인증서를 넣자.`,
          `\`${ref.by.kind}/${ref.by.name}\` must verify the peer with this secret's CA, but it has no \`ca.crt\` (or \`cacert\`) and there is no \`${ref.name}-cacert\` secret. ${ref.role === 'gateway' ? 'Client certificates cannot be verified' : 'There is no CA to verify the server certificate'}. Put the CA certificate under \`ca.crt\`.`, path);
      }
    }
    // PEM content, for every secret: real certificates must parse, be valid now, and match the key.
    for (const s of secrets) {
      const entries = secretEntries(s);
      const certKeys = new Map<string, string>();
      for (const e of entries) {
        if (!e.text || !e.text.includes('-----BEGIN')) continue; // placeholder: fine
        const blocks = pemBlocks(e.text);
        if (!blocks.length) { report(s, e.key, e.field, `\`${e.key}\`의 PEM이 깨져 있다(BEGIN/END 줄이 짝을 이루지 않는다). 파일 전체를 다시 넣자.`, `The PEM in \`${e.key}\` is broken (BEGIN/END lines do not pair up). Put the whole file in again.`); continue; }
        blocks.forEach((b, bi) => {
          if (b.label === 'CERTIFICATE') {
            try {
              const c = parseCert(b.der);
              if (bi === 0) certKeys.set(e.key, c.publicKey);
              if (c.notAfter < ctx.now) report(s, e.key, e.field, `\`${e.key}\`의 인증서${bi ? `(${bi + 1}번째)` : ''}가 ${day(c.notAfter)}에 만료됐다. 상대가 \`certificate expired\`로 핸드셰이크를 거부한다. 새 인증서를 발급해 넣자.`, `The certificate in \`${e.key}\`${bi ? ` (number ${bi + 1})` : ''} expired on ${day(c.notAfter)}. Peers reject the handshake with \`certificate expired\`. Issue a new one.`);
              else if (c.notBefore > ctx.now) report(s, e.key, e.field, `\`${e.key}\`의 인증서는 ${day(c.notBefore)}부터 유효해 아직 쓸 수 없다. 시계나 발급 날짜를 확인하자.`, `The certificate in \`${e.key}\` is valid only from ${day(c.notBefore)}, not yet. Check clocks or the issue date.`);
            } catch {
              report(s, e.key, e.field, `\`${e.key}\`의 인증서를 해석할 수 없다(DER이 잘렸거나 깨졌다). 프록시도 이 인증서를 읽지 못한다. 원본 PEM 파일을 그대로 다시 넣자.`, `The certificate in \`${e.key}\` does not parse (truncated or corrupt DER); the proxy cannot load it either. Put the original PEM file in again.`);
            }
          }
        });
      }
      for (const [c, k] of PAIRS) {
        const certPub = certKeys.get(c);
        const keyEntry = entries.find((e) => e.key === k);
        if (!certPub || !keyEntry?.text) continue;
        const block = pemBlocks(keyEntry.text).find((b) => b.label.endsWith('PRIVATE KEY'));
        if (!block) continue;
        let pub: string | undefined;
        try { pub = privateKeyPublic(block); } catch {
          report(s, k, keyEntry.field, `\`${k}\`의 개인 키를 해석할 수 없다. 원본 PEM 파일을 그대로 다시 넣자.`, `The private key in \`${k}\` does not parse. Put the original PEM file in again.`);
          continue;
        }
        if (pub && pub !== certPub) {
          report(s, k, keyEntry.field, `\`${k}\`의 개인 키가 \`${c}\`의 인증서와 짝이 아니다. 프록시가 인증서를 불러오지 못한다(\`KEY_VALUES_MISMATCH\`). 같은 CSR에서 나온 키와 인증서를 함께 넣자.`, `The private key in \`${k}\` does not belong to the certificate in \`${c}\`. The proxy cannot load the pair (\`KEY_VALUES_MISMATCH\`). Store the key and certificate that belong together.`);
        }
      }
    }
  },
};
