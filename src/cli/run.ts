// The process side of the CLI: real streams, environment and exit code. Both launchers use it:
// bin/meshtls.mjs (through tsx, in a clone) and the single-file build (scripts/build-cli.mjs).
import { main } from './meshtls.ts';

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
