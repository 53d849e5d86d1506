import { describe, expect, it } from 'vitest';
import { run } from './fixtures/helpers.ts';

describe('double-tls', () => {
  it("finds TLS originated on top of the application's own TLS passed through by SNI", async () => {
    const r = await run(['double-tls.json']);
    const f = r.findings.filter((x) => x.rule === 'double-tls');
    expect(f.map((x) => [x.severity, x.target.name])).toEqual([['error', 'outbound|443||api.northwind.example']]);
    expect(f[0]!.catalog).toBe('wrong-version-number');
    expect(f[0]!.message).toContain('SIMPLE');
  });

  it('is silent when the passthrough cluster does not originate TLS', async () => {
    expect((await run(['sidecar-egress.json'])).findings.filter((x) => x.rule === 'double-tls')).toEqual([]);
  });
});
