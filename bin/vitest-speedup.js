#!/usr/bin/env node
// Plain JavaScript on purpose: this file must parse and run on any Node, so that an old Node gets
// a clear message instead of a syntax or module error. The import is dynamic for the same
// reason: a static import would be linked before the checks run.
//
// An installed package runs the compiled dist/ (Node does not strip types under node_modules);
// a checkout of the repository runs src/ directly, so it never runs a stale build.
import { existsSync } from 'node:fs';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `vitest-speedup requires Node >= 22.12, but this is Node ${process.version} (${process.execPath}).\n` +
      'Inside the vitest-speedup repository, run it through npx or an npm script: they put the project\'s own Node\n' +
      '(the "node" devDependency) first on PATH.\n',
  );
  process.exit(1);
}

const sources = new URL('../src/cli/main.ts', import.meta.url);
const compiled = new URL('../dist/cli/main.js', import.meta.url);
const inCheckout = existsSync(sources) && !sources.pathname.includes('/node_modules/');

if (inCheckout && !process.features.typescript) {
  // 22.12 to 22.17 and 23.0 to 23.5 strip types only with a flag.
  process.stderr.write(
    `The vitest-speedup repository runs its TypeScript sources with Node's type stripping, which Node ${process.version} does not enable by default.\n` +
      `Use Node >= 22.18 (npm scripts and npx in the repository do), or run: node --experimental-strip-types ${process.argv[1] ?? 'bin/vitest-speedup.js'} ...\n`,
  );
  process.exit(1);
}
if (!inCheckout && !existsSync(compiled)) {
  process.stderr.write('vitest-speedup: dist/ is missing from this installation; reinstall the package (or run "npm run build" in a checkout).\n');
  process.exit(1);
}

const { main } = await import(inCheckout ? sources.href : compiled.href);
process.exitCode = await main(process.argv.slice(2));
