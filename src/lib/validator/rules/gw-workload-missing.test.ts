import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../engine.ts';
import { asWholeCluster } from './index.ts';

// Decided by istio 1.30.3 pkg/config/analysis/analyzers/gateway/secret.go getGatewayNamespace (IST0101)
// and pkg/config/analysis/local/defaults.go (the ingress gateway pod istioctl assumes).
const text = (kind: 'fail' | 'pass') => readFileSync(join(import.meta.dirname, 'fixtures', `gw-workload-missing.${kind}.yaml`), 'utf8');
const found = (t: string, complete: boolean) => lint([{ name: 'g.yaml', text: t }], { lang: 'en', ...(complete ? { rules: asWholeCluster() } : {}) })
  .findings.filter((f) => f.rule === 'gw-workload-missing').map((f) => [f.line, f.severity]);

describe('gw-workload-missing', () => {
  it('marks the lines of the failing fixture: info in a partial paste, error for the whole cluster', () => {
    const marked = text('fail').split('\n').flatMap((l, i) => (l.includes('# <- gw-workload-missing') ? [i + 1] : []));
    expect(found(text('fail'), false)).toEqual(marked.map((l) => [l, 'info']));
    expect(found(text('fail'), true)).toEqual(marked.map((l) => [l, 'error']));
  });
  it('stays quiet on the passing fixture, either way', () => {
    expect(found(text('pass'), false)).toEqual([]);
    expect(found(text('pass'), true)).toEqual([]);
  });
});
