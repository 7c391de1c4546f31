#!/usr/bin/env node
// Plain JavaScript on purpose: this file must parse and run on any Node, so that an old Node gets
// a clear message instead of ERR_UNKNOWN_FILE_EXTENSION for the .ts sources it imports. The
// import is dynamic for the same reason: a static import would be linked before the check runs.

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const howToRun =
  'Inside the vitest-speedup project, run it through npx or an npm script (for example\n' +
  '"npx vitest-speedup host"): they put the project\'s own Node (the "node" devDependency) first on PATH.';

if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`vitest-speedup requires Node >= 22.12, but this is Node ${process.version} (${process.execPath}).\n${howToRun}\n`);
  process.exit(1);
}
if (!process.features.typescript) {
  // 22.12 to 22.17 and 23.0 to 23.5 can strip types only with a flag.
  process.stderr.write(
    `vitest-speedup runs its TypeScript sources with Node's type stripping, which Node ${process.version} does not enable by default.\n` +
      `Use Node >= 22.18, or run: node --experimental-strip-types ${process.argv[1] ?? 'bin/vitest-speedup.js'} ...\n${howToRun}\n`,
  );
  process.exit(1);
}

const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
