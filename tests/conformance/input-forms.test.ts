// Every form in which people paste config: what `kubectl get` prints (a `List`, in YAML or JSON),
// JSON documents, `helm template` output, live objects with status, managedFields and the
// last-applied annotation, CRLF line endings and a byte order mark. Each item of a List must be
// checked exactly like the same resource pasted bare, and every finding must point at the item's
// own line and column in the pasted text.
//
// Upstream behaviour these cases stand for:
// - kubectl prints several objects as one `kind: List` (apiVersion v1, `items`), in YAML or JSON:
//   kubernetes/kubernetes staging/src/k8s.io/kubectl/pkg/cmd/get/get.go (v1.34), printGeneric.
// - The API server's own list responses are `<Kind>List` with `items` (e.g. DestinationRuleList):
//   istio/istio 1.30.3 manifests/charts/base/files/crd-all.gen.yaml, `listKind`.
// - Helm's `helm template` separates manifests with `---` and a `# Source: <chart>/templates/…`
//   comment: helm/helm pkg/action/install.go (v3.19), where it writes `# Source:` per manifest.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lib/validator/index.ts';
import type { Finding } from '../../src/lib/validator/index.ts';

const run = (text: string, lang: 'en' | 'ko' = 'en') => lint([{ name: 'paste.yaml', text }], { lang }).findings;
const key = (f: Finding) => `${f.rule}|${f.severity}|${f.resource}|${f.message}`;
/** 1-based line and column of the n-th occurrence (0-based n) of `needle` in `text`. */
function at(text: string, needle: string, n = 0) {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(needle, i + 1);
  if (i < 0) throw new Error(`not found: ${needle}`);
  const before = text.slice(0, i).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

// A DestinationRule with a bare-number Duration (error), insecureSkipVerify (warning) and no SNI.
const DR = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: partner
  namespace: shop
spec:
  host: api.partner.example
  trafficPolicy:
    connectionPool:
      tcp:
        connectTimeout: 5
    tls:
      mode: SIMPLE
      insecureSkipVerify: true
`;
const drObject = {
  apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name: 'partner', namespace: 'shop' },
  spec: { host: 'api.partner.example', trafficPolicy: { connectionPool: { tcp: { connectTimeout: 5 } }, tls: { mode: 'SIMPLE', insecureSkipVerify: true } } },
};
const indent = (text: string, by: string) => text.trimEnd().split('\n').map((l, i) => (i === 0 ? l : `${by}${l}`)).join('\n');

describe('kind: List from kubectl get -o yaml', () => {
  const list = `apiVersion: v1
items:
- ${indent(DR, '  ')}
- ${indent(DR.replace('name: partner', 'name: partner-b').replace(/api\.partner\.example/g, 'api.partner-b.example'), '  ')}
kind: List
metadata:
  resourceVersion: ""
`;
  it('checks every item exactly like the bare resource', () => {
    const bare = run(DR).map(key).sort();
    expect(bare.length).toBeGreaterThanOrEqual(2);
    expect(bare.some((k) => k.startsWith('duration-unit|error|'))).toBe(true);
    const inList = run(list);
    expect(inList.filter((f) => f.resource === 'DestinationRule/shop/partner').map(key).sort()).toEqual(bare);
    expect(inList.filter((f) => f.resource === 'DestinationRule/shop/partner-b').length).toBe(bare.length);
  });
  it("points each finding at the item's line and column in the pasted text", () => {
    const found = run(list).filter((f) => f.rule === 'duration-unit');
    expect(found.map((f) => ({ line: f.line, column: f.column }))).toEqual([at(list, '5\n', 0), at(list, '5\n', 1)]);
    const skip = run(list).filter((f) => f.rule === 'dr-tls-no-verify');
    expect(skip.map((f) => f.line)).toEqual([at(list, 'insecureSkipVerify', 0).line, at(list, 'insecureSkipVerify', 1).line]);
  });
  it('does not treat the List itself as a resource', () => {
    expect(run(list).filter((f) => f.resource.startsWith('List/') || /`kind`|`apiVersion`/.test(f.message))).toEqual([]);
  });
  it('says so when the List is empty (kubectl found nothing)', () => {
    const found = run('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'info', rule: 'schema' });
    expect(found[0]!.message).toContain('no `items`');
  });
});

describe('List from kubectl get -o json, and JSON documents', () => {
  const json = JSON.stringify({ apiVersion: 'v1', items: [drObject], kind: 'List', metadata: { resourceVersion: '' } }, null, 4);
  it('reads a JSON List and points into the JSON text', () => {
    const bare = run(DR).map(key).sort();
    const found = run(json);
    expect(found.map(key).sort()).toEqual(bare);
    const d = found.find((f) => f.rule === 'duration-unit')!;
    expect({ line: d.line, column: d.column }).toEqual(at(json, '5\n'));
  });
  it('reads a single JSON object, pretty or on one line, and tab-indented JSON', () => {
    const bare = run(DR).map(key).sort();
    for (const text of [JSON.stringify(drObject), JSON.stringify(drObject, null, 2), JSON.stringify(drObject, null, '\t')]) {
      expect(run(text).map(key).sort()).toEqual(bare);
    }
  });
  it('reads an API list of one kind (`DestinationRuleList`) and a List inside a List', () => {
    const apiList = JSON.stringify({ apiVersion: 'networking.istio.io/v1', kind: 'DestinationRuleList', items: [drObject] }, null, 2);
    expect(run(apiList).filter((f) => f.rule === 'duration-unit')).toHaveLength(1);
    const nested = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'List', items: [drObject] }] }, null, 2);
    const d = run(nested).find((f) => f.rule === 'duration-unit')!;
    expect(d.resource).toBe('DestinationRule/shop/partner');
    expect({ line: d.line, column: d.column }).toEqual(at(nested, '5\n'));
  });
});

describe('JSON read by JSON.parse keeps what the YAML reading gave', () => {
  it('positions after escaped strings and unicode are exact', () => {
    const obj = { ...drObject, metadata: { ...drObject.metadata, annotations: { note: 'quote " backslash \\ tab \t é 한글 \u2028' } } };
    const text = JSON.stringify(obj, null, 2);
    const d = run(text).find((f) => f.rule === 'duration-unit')!;
    expect({ line: d.line, column: d.column }).toEqual(at(text, '5\n'));
  });
  it("reads JSON Lines, one object per line, as jq -c '.items[]' prints a List", () => {
    const other = { ...drObject, metadata: { name: 'other', namespace: 'shop' }, spec: { host: 'api.other.example' } };
    const text = `${JSON.stringify(other)}\n${JSON.stringify(drObject)}\n`;
    const d = run(text).find((f) => f.rule === 'duration-unit')!;
    expect(d).toMatchObject({ line: 2, resource: 'DestinationRule/shop/partner' });
    expect(d.column).toBe(text.split('\n')[1]!.indexOf('"connectTimeout":5') + '"connectTimeout":'.length + 1);
  });
  it('a repeated key is still reported (by the YAML reading)', () => {
    const text = '{"apiVersion": "v1", "kind": "ConfigMap", "kind": "Secret", "metadata": {"name": "c"}}';
    expect(run(text).map((f) => f.rule)).toContain('yaml-syntax');
  });
});

describe('helm template output', () => {
  const helm = `---
# Source: partner/templates/serviceaccount.yaml
apiVersion: v1
kind: ServiceAccount
metadata:
  name: partner
---
# Source: partner/templates/empty.yaml
---
# Source: partner/templates/destinationrule.yaml
${DR}`;
  it('reads every manifest and keeps positions past the # Source comments and empty documents', () => {
    const found = run(helm);
    expect(found.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['duration-unit']);
    expect(found.find((f) => f.rule === 'duration-unit')!.line).toBe(at(helm, 'connectTimeout').line);
  });
});

describe('live objects: status, managedFields, last-applied-configuration', () => {
  const live = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"networking.istio.io/v1","kind":"ServiceEntry","metadata":{"annotations":{},"name":"partner","namespace":"shop"},"spec":{"hosts":["api.partner.example"]}}
  creationTimestamp: "2026-11-02T09:14:03Z"
  generation: 1
  managedFields:
  - apiVersion: networking.istio.io/v1
    fieldsType: FieldsV1
    fieldsV1:
      f:metadata:
        f:annotations:
          .: {}
          f:kubectl.kubernetes.io/last-applied-configuration: {}
      f:spec:
        .: {}
        f:hosts: {}
    manager: kubectl-client-side-apply
    operation: Update
    time: "2026-11-02T09:14:03Z"
  name: partner
  namespace: shop
  resourceVersion: "81234"
  uid: 0b0d8f9e-5a55-4c1e-9d0a-1f2e3d4c5b6a
spec:
  hosts:
  - api.partner.example
  location: MESH_EXTERNAL
  ports:
  - name: tls
    number: 443
    protocol: TLS
  resolution: DNS
status:
  addresses:
  - host: api.partner.example
    value: 240.240.0.1
  conditions:
  - lastTransitionTime: "2026-11-02T09:14:04Z"
    status: "True"
    type: Reconciled
  observedGeneration: "1"
`;
  it('raises nothing for fields the API server and controllers write', () => {
    expect(run(live).filter((f) => f.severity !== 'info')).toEqual([]);
  });
  it('still checks the spec of a live object', () => {
    const bad = live.replace('resolution: DNS', 'resolution: DSN');
    const [f] = run(bad).filter((x) => x.severity === 'error');
    expect(f).toMatchObject({ rule: 'schema', ...at(bad, 'DSN') });
  });
});

describe('CRLF line endings and a byte order mark', () => {
  it('gives the same findings at the same lines and columns', () => {
    const plain = run(DR);
    const crlf = '\uFEFF' + DR.replace(/\n/g, '\r\n');
    const got = run(crlf);
    expect(got.map((f) => [key(f), f.line, f.column])).toEqual(plain.map((f) => [key(f), f.line, f.column]));
  });
  it('reads a JSON List with CRLF and a BOM', () => {
    const json = '\uFEFF' + JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [drObject] }, null, 2).replace(/\n/g, '\r\n');
    const d = run(json).find((f) => f.rule === 'duration-unit')!;
    expect(d.line).toBe(at(json, 'connectTimeout').line);
  });
});

describe('every rule sees List items', () => {
  it('cross-resource rules match items across Lists and bare documents', () => {
    // vs-subset-missing needs the VirtualService and the DestinationRule together: one in a List,
    // the other bare after it.
    const vs = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  namespace: shop
spec:
  hosts: [reviews]
  http:
  - route:
    - destination:
        host: reviews
        subset: v9
`;
    const dr = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
  namespace: shop
spec:
  host: reviews
  subsets:
  - name: v1
    labels: {version: v1}
`;
    const text = `apiVersion: v1\nkind: List\nitems:\n- ${indent(vs, '  ')}\n---\n${dr}`;
    const bare = run(`${vs}---\n${dr}`).filter((f) => f.rule === 'vs-subset-missing');
    expect(bare).toHaveLength(1);
    const got = run(text).filter((f) => f.rule === 'vs-subset-missing');
    expect(got.map(key)).toEqual(bare.map(key));
    expect(got[0]!.line).toBe(at(text, 'subset: v9').line);
  });
  it('in Korean too', () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n- ${indent(DR, '  ')}\n`;
    expect(run(list, 'ko').find((f) => f.rule === 'duration-unit')!.message).toMatch(/[가-힣]/);
  });
});

describe('every rule, on its own failing fixture pasted as one List', () => {
  // Each rule's fixture, with its documents turned into the items of one `kind: List` (as kubectl
  // would print them), gives the same findings, each on the same source line.
  const dir = join(import.meta.dirname, '../../src/lib/validator/rules/fixtures');
  const asList = (text: string) => {
    const chunks = text.split(/^---[ \t]*$/m).filter((c) => /^kind:/m.test(c));
    return `apiVersion: v1\nkind: List\nitems:\n${chunks.map((c) => {
      const lines = c.replace(/^\n+/, '').trimEnd().split('\n');
      return lines.map((l, i) => (i === 0 ? `- ${l}` : l ? `  ${l}` : l)).join('\n');
    }).join('\n')}\nmetadata:\n  resourceVersion: ""\n`;
  };
  const resourcesOnly = (text: string) => text.split(/^---[ \t]*$/m).every((c) => !c.trim() || /^kind:/m.test(c) || /^\s*(#.*)?$/.test(c.trim()));
  // Envoy configs are no Kubernetes resources, so they have no List form: those fixtures are left out.
  const fixtures = readdirSync(dir).filter((f) => f.endsWith('.fail.yaml') && resourcesOnly(readFileSync(join(dir, f), 'utf8')));
  it.each(fixtures)('%s', (name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    const list = asList(text);
    const bare = run(text);
    const items = run(list);
    expect(items.map(key).sort()).toEqual(bare.map(key).sort());
    const lineOf = (t: string, n: number) => t.split('\n')[n - 1]!.trim().replace(/^- /, '');
    const where = (t: string, fs: Finding[]) => fs.map((f) => `${key(f)}@${lineOf(t, f.line)}`).sort();
    expect(where(list, items)).toEqual(where(text, bare));
  });
});
