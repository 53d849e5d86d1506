#!/usr/bin/env node
// Build the meshtls CLI as one file that runs on Node >= 20 with nothing installed:
// public/downloads/meshtls.mjs (served by the site, with meshtls.mjs.sha256 beside it) and an npm
// package folder build/cli-package/ (`npm run pack:cli` -> build/meshtls-<version>.tgz,
// which `npm install -g` installs without any dependency or network).
//
// The engines, yaml, the schema packages and the JSON schemas are bundled by esbuild. The error
// catalog, which the decoder reads from src/data/errors/ at run time in a clone, is loaded and
// validated here by its own loader and embedded as data. Licences of the bundled packages are
// appended to the file. Same sources, same bytes: esbuild's output is deterministic.
//
// Options (for tests): --out-dir DIR (default public/downloads), --package-dir DIR (default
// build/cli-package).
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { tsImport } from 'tsx/esm/api';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    'out-dir': { type: 'string', default: join(root, 'public/downloads') },
    'package-dir': { type: 'string', default: join(root, 'build/cli-package') },
  },
});
const outDir = resolve(values['out-dir']);
const packageDir = resolve(values['package-dir']);
const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const LOADER = join(root, 'src/lib/decoder/load-catalog.node.ts');
const { loadCatalog } = await tsImport(LOADER, import.meta.url);
const catalog = loadCatalog(); // throws, listing every problem, when the catalog is invalid

/** Replaces the file-reading catalog loader by the catalog itself. */
const embedCatalog = {
  name: 'embed-error-catalog',
  setup(b) {
    b.onLoad({ filter: /[\\/]load-catalog\.node\.ts$/ }, () => ({
      contents: `const catalog = ${JSON.stringify(catalog)};\nexport function loadCatalog() { return catalog; }\n`,
      loader: 'js',
    }));
  },
};

const result = await build({
  entryPoints: [join(root, 'src/cli/run.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none', // the licence texts are appended whole below
  metafile: true,
  write: false,
  plugins: [embedCatalog],
  // Bundled CommonJS packages may require() Node's built-ins; an ES module has no require.
  banner: {
    js: [
      '#!/usr/bin/env node',
      `// meshtls ${rootPkg.version}: the Mesh TLS Field Guide's CLI in one file. Run: node meshtls.mjs --help`,
      "import { createRequire as __meshtlsCreateRequire } from 'node:module'; const require = __meshtlsCreateRequire(import.meta.url);",
    ].join('\n'),
  },
  logLevel: 'warning',
});

/** Licence texts of the npm packages that ended up in the bundle, as one trailing comment. */
function licences(metafile) {
  const names = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g);
    if (m) names.add(m.at(-1).replace(/^node_modules\//, '').replace(/\/$/, ''));
  }
  const parts = [...names].sort().map((name) => {
    const dir = join(root, 'node_modules', name);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const file = readdirSync(dir).find((f) => /^(licen[sc]e|copying)(\.|$)/i.test(f));
    const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `(no licence file; package.json says ${pkg.license ?? 'nothing'})`;
    return `${name}@${pkg.version} (${pkg.license ?? 'unknown'})\n\n${text}`;
  });
  return `\n/*\nBundled packages and their licences:\n\n${parts.join('\n\n----\n\n').replace(/\*\//g, '* /')}\n*/\n`;
}

const bytes = Buffer.concat([Buffer.from(result.outputFiles[0].contents), Buffer.from(licences(result.metafile))]);
const sha256 = createHash('sha256').update(bytes).digest('hex');

mkdirSync(outDir, { recursive: true });
const file = join(outDir, 'meshtls.mjs');
writeFileSync(file, bytes);
chmodSync(file, 0o755);
writeFileSync(join(outDir, 'meshtls.mjs.sha256'), `${sha256}  meshtls.mjs\n`);

// The npm package: the same file, nothing to install.
rmSync(packageDir, { recursive: true, force: true });
mkdirSync(packageDir, { recursive: true });
copyFileSync(file, join(packageDir, 'meshtls.mjs'));
chmodSync(join(packageDir, 'meshtls.mjs'), 0o755);
const pkg = {
  name: 'meshtls',
  version: rootPkg.version,
  description: 'Checks Istio, Kubernetes and Envoy YAML for TLS and egress mistakes, and explains TLS errors (Mesh TLS Field Guide).',
  type: 'module',
  bin: { meshtls: 'meshtls.mjs' },
  files: ['meshtls.mjs', 'README.md'],
  engines: { node: '>=20' },
  homepage: 'https://mesh-tls.example.org/en/tools/validator/',
};
writeFileSync(join(packageDir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
writeFileSync(join(packageDir, 'README.md'), `# meshtls

The command-line tool of the Mesh TLS Field Guide: \`meshtls lint\` checks Istio, Kubernetes and Envoy
YAML for TLS and egress mistakes; \`meshtls decode\` explains TLS errors and Envoy access-log lines.
One bundled file, no dependencies, Node >= 20. \`meshtls --help\` lists the options and exit codes.

${pkg.homepage}
`);
// build/ holds only generated files: keep it out of git without touching the repository's .gitignore.
if (packageDir === join(root, 'build/cli-package') && !existsSync(join(root, 'build/.gitignore'))) {
  writeFileSync(join(root, 'build/.gitignore'), '*\n');
}
console.log(`meshtls CLI: ${file} (${bytes.length} bytes, sha256 ${sha256}); package in ${packageDir}`);
