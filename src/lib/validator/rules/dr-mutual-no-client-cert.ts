import type { Rule } from '../types.ts';
import { drTlsBlocks, str } from '../util.ts';

export const rule: Rule = {
  id: 'dr-mutual-no-client-cert',
  severity: 'error',
  title: { ko: '클라이언트 인증서 없는 MUTUAL', en: 'MUTUAL without a client certificate' },
  summary: {
    ko: '`tls.mode: MUTUAL`은 프록시가 클라이언트 인증서를 내미는 상호 TLS다. `credentialName`도 `clientCertificate`/`privateKey`도 없으면 내밀 인증서가 없어 서버가 핸드셰이크를 거부한다(nginx라면 `400 No required SSL certificate was sent`). 게이트웨이에서는 `credentialName: <시크릿 이름>`을, 사이드카에서는 파일 경로 두 개를 함께 쓰자. 메시 안쪽 상호 TLS라면 `ISTIO_MUTUAL`을 쓰자.',
    en: '`tls.mode: MUTUAL` is mutual TLS in which the proxy presents a client certificate. With neither `credentialName` nor `clientCertificate`/`privateKey` there is nothing to present, and the server rejects the handshake (nginx answers `400 No required SSL certificate was sent`). At a gateway set `credentialName: <secret name>`; at a sidecar set both file paths. For mutual TLS inside the mesh use `ISTIO_MUTUAL`.',
  },
  docs: 'patterns/mutual-tls/',
  check(ctx) {
    for (const dr of ctx.index.kind('DestinationRule')) {
      for (const b of drTlsBlocks(dr)) {
        if (str(b.tls.mode) !== 'MUTUAL' || str(b.tls.credentialName)) continue;
        const cert = str(b.tls.clientCertificate), key = str(b.tls.privateKey);
        if (cert && key) continue;
        const missing = cert ? '`privateKey`' : key ? '`clientCertificate`' : '`credentialName` / `clientCertificate` + `privateKey`';
        ctx.report({ rule: 'dr-mutual-no-client-cert', at: dr, path: [...b.path, 'mode'], on: 'value', msg: {
          ko: `\`MUTUAL\`인데 ${missing}가 없어 내밀 클라이언트 인증서가 없다. 클라이언트 인증서를 요구하는 서버는 핸드셰이크를 거부한다. 게이트웨이라면 \`credentialName\`을 쓰자.`,
          en: `\`MUTUAL\` without ${missing}: there is no client certificate to present, and a server that requires one rejects the handshake. At a gateway, set \`credentialName\`.` } });
      }
    }
  },
};
