import { describe, expect, it } from 'vitest';
import { run } from './fixtures/helpers.ts';

describe('permissive-inbound', () => {
  it('reads PERMISSIVE from plaintext chains beside mTLS ones on 15006 (YAML dump)', async () => {
    const r = await run(['permissive-inbound.yaml']);
    const inbound = r.listeners.find((l) => l.name === 'virtualInbound')!;
    expect([inbound.inboundMode, inbound.plaintextPorts]).toEqual(['PERMISSIVE', [9080, 0]]);
    const f = r.findings.filter((x) => x.rule === 'permissive-inbound');
    expect(f.map((x) => [x.severity, x.field])).toEqual([['warning', 'PeerAuthentication.spec.mtls.mode']]);
    expect(f[0]!.message).toContain('9080, other ports');
    expect(f[0]!.messages.ko).toContain('9080번, 그 밖의 포트');
  });

  it('reads STRICT when every chain terminates mTLS', async () => {
    const r = await run(['sidecar-egress.json']);
    expect(r.listeners.find((l) => l.name === 'virtualInbound')!.inboundMode).toBe('STRICT');
    expect(r.findings.filter((x) => x.rule === 'permissive-inbound')).toEqual([]);
  });
});
