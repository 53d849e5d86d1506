#!/usr/bin/env node
// Thin launcher: the CLI is TypeScript shared with the site, so load it through tsx,
// which works on every Node the project supports (the system's 20 as well as 22/24).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/meshtls.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
