import type { TestProject } from 'vitest/node';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from '../helpers/site.ts';
import { startStaticServer } from '../helpers/server.ts';

// One preview server for all end-to-end files; they receive its URL via `inject('baseUrl')`.
export default async function setup(project: TestProject) {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` before the e2e tests');
  const server = await startStaticServer();
  project.provide('baseUrl', server.url);
  return () => server.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
