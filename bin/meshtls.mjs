#!/usr/bin/env node
// Thin launcher: the CLI is TypeScript shared with the site, so load it through tsx,
// which works on every Node the project supports (the system's 20 as well as 22/24).
// Outside a clone, use the single file that `npm run build` writes (scripts/build-cli.mjs).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/run.ts');
