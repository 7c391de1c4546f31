import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { resolveBaselineMode } from '../../src/baselines/mode.ts';

describe('resolveBaselineMode', () => {
  it('turns update on with VITEST_SPEEDUP_UPDATE=1 or vitest -u, and off with VITEST_SPEEDUP_UPDATE=0', () => {
    expect(resolveBaselineMode({ env: {}, snapshotState: null })).toEqual({ update: false, ci: false });
    expect(resolveBaselineMode({ env: { VITEST_SPEEDUP_UPDATE: '1' }, snapshotState: null })).toEqual({ update: true, ci: false, updateSource: 'VITEST_SPEEDUP_UPDATE' });
    expect(resolveBaselineMode({ env: { VITEST_SPEEDUP_UPDATE: 'true' }, snapshotState: null }).update).toBe(true);
    expect(resolveBaselineMode({ env: {}, snapshotState: { snapshotUpdateState: 'all' } })).toEqual({ update: true, ci: false, updateSource: 'vitest -u' });
    expect(resolveBaselineMode({ env: {}, snapshotState: { snapshotUpdateState: 'new' } }).update).toBe(false);
    expect(resolveBaselineMode({ env: {}, snapshotState: { snapshotUpdateState: 'none' } }).update).toBe(false);
    expect(resolveBaselineMode({ env: { VITEST_SPEEDUP_UPDATE: '0' }, snapshotState: { snapshotUpdateState: 'all' } }).update).toBe(false);
    expect(resolveBaselineMode({ env: { VITEST_SPEEDUP_UPDATE: '' }, snapshotState: { snapshotUpdateState: 'all' } }).update).toBe(true);
  });

  it('is in CI when CI is set to anything but 0 or false', () => {
    expect(resolveBaselineMode({ env: { CI: 'true' }, snapshotState: null }).ci).toBe(true);
    expect(resolveBaselineMode({ env: { CI: '1' }, snapshotState: null }).ci).toBe(true);
    expect(resolveBaselineMode({ env: { CI: 'false' }, snapshotState: null }).ci).toBe(false);
    expect(resolveBaselineMode({ env: { CI: '0' }, snapshotState: null }).ci).toBe(false);
    expect(resolveBaselineMode({ env: { CI: '' }, snapshotState: null }).ci).toBe(false);
  });

  it("finds the running test's snapshot state through the global expect", () => {
    const global = (globalThis as Record<symbol, { getState(): { snapshotState: unknown } }>)[Symbol.for('expect-global')];
    expect(global?.getState().snapshotState).toBe(expect.getState().snapshotState);
    expect(resolveBaselineMode({ env: {} }).update).toBe(expect.getState().snapshotState.snapshotUpdateState === 'all');
  });

  it('sees `vitest run -u` from inside a test', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vitest-speedup-mode-'));
    try {
      const out = join(dir, 'probe.json');
      const env = { ...process.env, VITEST_SPEEDUP_PROBE_OUT: out, CI: 'true', VITEST_SPEEDUP_UPDATE: '' };
      await promisify(execFile)(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '-u', '--root', 'fixtures/baselines/update-mode'], { env, timeout: 60_000 });
      expect(JSON.parse(await readFile(out, 'utf8'))).toEqual({ mode: { update: true, ci: false, updateSource: 'vitest -u' }, snapshotUpdateState: 'all' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
