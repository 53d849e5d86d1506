import { describe, expect, it } from 'vitest';
import { run } from './fixtures/helpers.ts';

describe('ztunnel-plaintext-workload', () => {
  it('notes the workload ztunnel reaches over plain TCP, not the HBONE one', async () => {
    const r = await run(['ztunnel.json']);
    const f = r.findings.filter((x) => x.rule === 'ztunnel-plaintext-workload');
    expect(f.map((x) => [x.severity, x.target.kind, x.target.name, x.field])).toEqual([['info', 'workload', 'legacy/legacy-5f7b9-abcde', 'Namespace label istio.io/dataplane-mode']]);
    expect(f[0]!.messages.ko).toContain('앰비언트 모드');
  });
});
