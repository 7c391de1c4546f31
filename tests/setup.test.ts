import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';

const setupPath = fileURLToPath(new URL('../src/setup.ts', import.meta.url));

describe('vitest-speedup/setup', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('registers the matchers', () => {
    expect(typeof (expect as unknown as { extend: unknown }).extend).toBe('function');
    expect(typeof expect(() => {}).toHaveSpeedupAtLeast).toBe('function');
  });

  it('explains itself when loaded outside Vitest', () => {
    const env = { ...process.env };
    delete env.VITEST;
    delete env.VITEST_POOL_ID;
    delete env.VITEST_WORKER_ID;
    let stderr = '';
    try {
      execFileSync(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(setupPath)})`], { env, stdio: 'pipe' });
    } catch (error) {
      stderr = String((error as { stderr: Buffer }).stderr);
    }
    expect(stderr).toContain(
      "Error: vitest-speedup/setup registers Vitest matchers, so Vitest must load it: add 'vitest-speedup/setup' to test.setupFiles in vitest.config.ts. To measure from a plain script, import { measureSpeedup } from 'vitest-speedup' instead.",
    );
  });

  it('warns when a second copy registers the matchers', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const registry = globalThis as Record<symbol, string>;
    registry[Symbol.for('vitest-speedup.setup')] = 'file:///elsewhere/node_modules/vitest-speedup/src/setup.ts';
    vi.resetModules();
    await import('../src/setup.ts');
    expect(warn).toHaveBeenCalledWith(
      `vitest-speedup/setup was loaded from two places:\n  file:///elsewhere/node_modules/vitest-speedup/src/setup.ts\n  ${new URL('../src/setup.ts', import.meta.url).href}\n` +
        'Keep one copy of vitest-speedup installed (npm ls vitest-speedup) and list the setup file once in setupFiles. The last one loaded is used.',
    );
  });
});
