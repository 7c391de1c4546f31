import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/vitest-speedup.js', import.meta.url));
const projectNode = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));

/** A `node` older than 22.12 on PATH outside any node_modules (the machine's own Node), if any. */
function findOldNode(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '' || dir.includes('node_modules')) continue;
    const candidate = join(dir, 'node');
    try {
      accessSync(candidate, constants.X_OK);
    } catch {
      continue;
    }
    const version = spawnSync(candidate, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
    const [major = 0, minor = 0] = version.split('.').map(Number);
    if (major > 0 && (major < 22 || (major === 22 && minor < 12))) return candidate;
  }
  return undefined;
}

describe('bin/vitest-speedup.js', () => {
  it('runs the CLI under the project Node and exits with its code', () => {
    const help = spawnSync(projectNode, [bin, 'help'], { encoding: 'utf8' });
    expect(help.stderr).toBe('');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: vitest-speedup <command> \[options\]\n\nCommands:\n {2}host {2}/);

    const unknown = spawnSync(projectNode, [bin, 'bogus'], { encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "bogus"');
  });

  const oldNode = findOldNode();
  it.skipIf(oldNode === undefined)('explains the Node requirement on an old Node', () => {
    const result = spawnSync(oldNode as string, [bin, 'host'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^vitest-speedup requires Node >= 22\.12, but this is Node v\d+\.\d+\.\d+ \(.+\)\.\n/);
    expect(result.stderr).toContain('run it through npx or an npm script');
  });
});
