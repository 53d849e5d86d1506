import { describe, expect, it } from 'vitest';
import { run } from './fixtures/helpers.ts';

describe('warming-resource', () => {
  it('finds the warming cluster and listener and names the secret they wait for', async () => {
    const r = await run(['warming-resource.json']);
    const f = r.findings.filter((x) => x.rule === 'warming-resource');
    expect(f.map((x) => [x.target.kind, x.target.name])).toEqual([['cluster', 'outbound|443||api.northwind.example'], ['listener', '0.0.0.0_443']]);
    expect(f[0]!.message).toContain('kubernetes://partner-client-cert');
    expect(r.listeners[0]!.state).toBe('warming');
    // The warming secret is also reported by sds-secret-missing, as a warning.
    expect(r.findings.filter((x) => x.rule === 'sds-secret-missing').map((x) => x.severity)).toEqual(['warning']);
  });
});
