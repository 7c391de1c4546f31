import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkAgainstBaseline, formatBaselineCheck } from '../../src/baselines/check.ts';
import type { CheckBaselineOptions, SpeedupLike } from '../../src/baselines/check.ts';
import { readBaselineFile, writeBaselineFile } from '../../src/baselines/file.ts';
import { makeTestbed } from '../../src/baselines/testbed.ts';
import { SpeedupFileError } from '../../src/report/errors.ts';

// The testbed of fixtures/baselines/baselines.json that has sieve baselines for piscina(2) (1.84x)
// and tinypool(2) (1.56x); another testbed has one for piscina(4).
const testbed = makeTestbed({ effectiveCores: 2, ceilingBand: '1.75-2.00', cpuModel: 'Intel(R) Xeon(R) Processor', nodeMajor: 24, os: 'linux-x64' });
const NOW = new Date('2026-03-05T08:00:00.000Z');

const speedup = (estimate: number, lower: number, upper: number): SpeedupLike => ({ estimate, lower, upper, level: 0.995 });

let dir: string;
let file: string;
let original: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vitest-speedup-baselines-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async (context) => {
  file = join(dir, `${context.task.id}.json`);
  await copyFile('fixtures/baselines/baselines.json', file);
  original = await readFile(file, 'utf8');
});

function check(options: Partial<CheckBaselineOptions> & Pick<CheckBaselineOptions, 'speedups'>) {
  return checkAgainstBaseline({ file, key: 'sieve', testbed, update: false, ci: false, now: () => NOW, ...options });
}

describe('checkAgainstBaseline', () => {
  it('ok: within tolerance, nothing written', async () => {
    const result = await check({ speedups: { 'piscina(2)': speedup(1.8, 1.72, 1.88), 'tinypool(2)': speedup(1.5, 1.4, 1.6) } });
    expect(result.entries.map((entry) => entry.status)).toEqual(['ok', 'ok']);
    expect(result.passed).toBe(true);
    expect(result.written).toBe(false);
    expect(result.entries[0]?.message).toBe('piscina(2): ok: 1.80x [1.72, 1.88] against baseline 1.84x (recorded 2026-02-01T10:00:00.000Z), tolerance 10%.');
    expect(await readFile(file, 'utf8')).toBe(original);
  });

  it('regressed: the whole interval below baseline x (1 - tolerance) fails', async () => {
    const result = await check({ speedups: { 'piscina(2)': speedup(1.2, 1.15, 1.29) } });
    expect(result.entries[0]).toMatchObject({ status: 'regressed', recorded: false, baseline: { estimate: 1.84 } });
    expect(result.passed).toBe(false);
    expect(result.entries[0]?.message).toBe(
      'piscina(2): regressed: 1.20x [1.15, 1.29] lies wholly below 1.66x (baseline 1.84x (recorded 2026-02-01T10:00:00.000Z) minus 10%).',
    );
    expect(await readFile(file, 'utf8')).toBe(original);
  });

  it('an interval that only reaches below the threshold is not a regression', async () => {
    // 1.84 x 0.9 = 1.656: the upper end 1.70 lies above it.
    const result = await check({ speedups: { 'piscina(2)': speedup(1.55, 1.4, 1.7) } });
    expect(result.entries[0]?.status).toBe('ok');
    // A wider tolerance lets a clear drop pass; a tighter one catches a small one.
    expect((await check({ speedups: { 'piscina(2)': speedup(1.2, 1.15, 1.29) }, tolerance: 0.4 })).entries[0]?.status).toBe('ok');
    expect((await check({ speedups: { 'piscina(2)': speedup(1.75, 1.72, 1.78) }, tolerance: 0.02 })).entries[0]?.status).toBe('regressed');
  });

  it('regression not confirmed: the re-measurement decides', async () => {
    const confirm = vi.fn(async () => ({ 'piscina(2)': speedup(1.82, 1.75, 1.9) }));
    const result = await check({ speedups: { 'piscina(2)': speedup(1.2, 1.15, 1.29), 'tinypool(2)': speedup(1.5, 1.4, 1.6) }, confirm });
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(result.entries[0]).toMatchObject({
      status: 'ok',
      current: speedup(1.82, 1.75, 1.9),
      confirmation: { first: speedup(1.2, 1.15, 1.29), second: speedup(1.82, 1.75, 1.9), confirmed: false },
    });
    expect(result.entries[0]?.message).toBe(
      'piscina(2): ok: 1.82x [1.75, 1.90] against baseline 1.84x (recorded 2026-02-01T10:00:00.000Z), tolerance 10%; ' +
        'a first measurement of 1.20x [1.15, 1.29] regressed, but the re-measurement did not confirm it.',
    );
    expect(result.passed).toBe(true);
    expect(await readFile(file, 'utf8')).toBe(original);
  });

  it('regression confirmed: fails, and confirm is not called when nothing regressed', async () => {
    const confirm = vi.fn(async () => ({ 'piscina(2)': speedup(1.25, 1.2, 1.3) }));
    const result = await check({ speedups: { 'piscina(2)': speedup(1.2, 1.15, 1.29) }, confirm });
    expect(result.entries[0]).toMatchObject({ status: 'regressed', confirmation: { confirmed: true } });
    expect(result.entries[0]?.message).toMatch(/; confirmed by a re-measurement \(first 1\.20x \[1\.15, 1\.29\]\)\.$/);
    expect(result.passed).toBe(false);

    const unused = vi.fn(async () => ({}));
    await check({ speedups: { 'piscina(2)': speedup(1.8, 1.72, 1.88) }, confirm: unused });
    expect(unused).not.toHaveBeenCalled();
    await expect(check({ speedups: { 'piscina(2)': speedup(1.2, 1.15, 1.29) }, confirm: async () => ({}) })).rejects.toThrow(
      'checkAgainstBaseline(options): options.confirm(): its result["piscina(2)"] must be a speedup { estimate, lower, upper, level } of positive numbers (a RatioInterval).',
    );
  });

  it('improved: passes, says how to raise the baseline, writes nothing', async () => {
    const result = await check({ speedups: { 'piscina(2)': speedup(2.3, 2.2, 2.4) } });
    expect(result.entries[0]?.status).toBe('improved');
    expect(result.entries[0]?.message).toBe(
      'piscina(2): improved: 2.30x [2.20, 2.40] lies wholly above 2.02x (baseline 1.84x (recorded 2026-02-01T10:00:00.000Z) plus 10%); re-record with VITEST_SPEEDUP_UPDATE=1 to raise the baseline.',
    );
    expect(result.passed).toBe(true);
    expect(await readFile(file, 'utf8')).toBe(original);
  });

  it('new with update: recorded for this testbed, existing entries re-recorded', async () => {
    const result = await check({ update: true, ci: true, speedups: { 'chunked(500)': speedup(1.4, 1.3, 1.5), 'piscina(2)': speedup(1.2, 1.15, 1.29) } });
    expect(result.entries.map((entry) => [entry.status, entry.recorded])).toEqual([
      ['new', true],
      ['regressed', true],
    ]);
    expect(result.entries[1]?.message).toMatch(/; baseline updated\.$/);
    expect(result.passed).toBe(true);
    expect(result.written).toBe(true);
    const stored = await readBaselineFile(file);
    expect(stored?.baselines[testbed.id]?.sieve).toEqual({
      'chunked(500)': { estimate: 1.4, lower: 1.3, upper: 1.5, level: 0.995, recordedAt: '2026-03-05T08:00:00.000Z' },
      'piscina(2)': { estimate: 1.2, lower: 1.15, upper: 1.29, level: 0.995, recordedAt: '2026-03-05T08:00:00.000Z' },
      'tinypool(2)': { estimate: 1.56, level: 0.995, lower: 1.5, recordedAt: '2026-02-01T10:00:00.000Z', upper: 1.62 },
    });
    // The other testbed's baselines are untouched.
    expect(stored?.baselines['6479ea45cb90']).toEqual(JSON.parse(original).baselines['6479ea45cb90']);
  });

  it('new outside CI: recorded without asking, once', async () => {
    const first = await check({ speedups: { 'chunked(500)': speedup(1.4, 1.3, 1.5) } });
    expect(first.entries[0]).toMatchObject({ status: 'new', recorded: true, message: 'chunked(500): no baseline yet; recorded 1.40x [1.30, 1.50].' });
    expect(first.written).toBe(true);
    const second = await check({ speedups: { 'chunked(500)': speedup(1.38, 1.3, 1.45) } });
    expect(second.entries[0]?.status).toBe('ok');
    expect(second.written).toBe(false);
  });

  it('missing in CI: an error, and nothing is written', async () => {
    const result = await check({ ci: true, speedups: { 'chunked(500)': speedup(1.4, 1.3, 1.5), 'piscina(2)': speedup(1.8, 1.72, 1.88) } });
    expect(result.entries.map((entry) => entry.status)).toEqual(['missing', 'ok']);
    expect(result.passed).toBe(false);
    expect(result.written).toBe(false);
    expect(result.entries[0]?.message).toBe(
      `chunked(500): no baseline for key "sieve" on testbed ${testbed.id} in ${file}, and in CI a missing baseline is an error (nothing was written). ` +
        `Record it on this testbed with VITEST_SPEEDUP_UPDATE=1 and commit ${file}.`,
    );
    expect(await readFile(file, 'utf8')).toBe(original);
  });

  it('missing file in CI: an error, and no file is created; outside CI it is created', async () => {
    const absent = join(dir, 'absent.json');
    const result = await check({ file: absent, ci: true, speedups: { 'piscina(2)': speedup(1.8, 1.72, 1.88) } });
    expect(result.entries[0]?.status).toBe('missing');
    await expect(stat(absent)).rejects.toThrow(/ENOENT/);

    const created = await check({ file: absent, speedups: { 'piscina(2)': speedup(1.8, 1.72, 1.88) } });
    expect(created.entries[0]?.status).toBe('new');
    expect((await readBaselineFile(absent))?.testbeds).toEqual({ [testbed.id]: testbed });
  });

  it('other testbed: not compared, and the result says so', async () => {
    const result = await check({ ci: true, speedups: { 'piscina(4)': speedup(1.9, 1.8, 2) } });
    expect(result.entries[0]).toMatchObject({ status: 'other-testbed', recorded: false, otherTestbeds: [{ id: '6479ea45cb90' }] });
    expect(result.entries[0]?.message).toBe(
      `piscina(4): not compared: ${file} has baselines for it only from other testbeds: 6479ea45cb90 ` +
        '(effectiveCores 4 vs 2, ceilingBand "3.50-3.75" vs "1.75-2.00", cpuModel "AMD EPYC 7763 64-Core Processor" vs "Intel(R) Xeon(R) Processor"). ' +
        `Speedups depend on the host; record one on this testbed with VITEST_SPEEDUP_UPDATE=1 and commit ${file}.`,
    );
    expect(result.passed).toBe(true);
    expect(await readFile(file, 'utf8')).toBe(original);

    // Outside CI this testbed gets its own baseline, and the next run compares against it.
    const local = await check({ speedups: { 'piscina(4)': speedup(1.9, 1.8, 2) } });
    expect(local.entries[0]).toMatchObject({ status: 'other-testbed', recorded: true });
    expect(local.entries[0]?.message).toMatch(/; recorded piscina\(4\) for this testbed \(b1bd37880820\)\.$/);
    expect((await check({ speedups: { 'piscina(4)': speedup(1.9, 1.8, 2) } })).entries[0]?.status).toBe('ok');
  });

  it('merges with what another process wrote since the file was read', async () => {
    const confirm = async (): Promise<Record<string, SpeedupLike>> => {
      // Another test file records its own key while this one re-measures.
      const stored = await readBaselineFile(file);
      if (stored === undefined) throw new Error('fixture missing');
      await writeBaselineFile(file, {
        ...stored,
        baselines: { ...stored.baselines, [testbed.id]: { ...stored.baselines[testbed.id], fetch: { gather: { ...speedup(60, 58, 62), recordedAt: NOW.toISOString() } } } },
      });
      return { 'piscina(2)': speedup(1.8, 1.72, 1.88) };
    };
    const result = await check({ confirm, speedups: { 'piscina(2)': speedup(1.2, 1.15, 1.29), 'chunked(500)': speedup(1.4, 1.3, 1.5) } });
    expect(result.written).toBe(true);
    const stored = await readBaselineFile(file);
    expect(Object.keys(stored?.baselines[testbed.id] ?? {}).sort()).toEqual(['fetch', 'sieve']);
    expect(Object.keys(stored?.baselines[testbed.id]?.sieve ?? {}).sort()).toEqual(['chunked(500)', 'piscina(2)', 'tinypool(2)']);
  });

  it('never overwrites a file that became corrupt before the write', async () => {
    const corrupt = '{"schemaVersion": 1, "kind": "vitest-speedup-baselines", "testb';
    const confirm = async (): Promise<Record<string, SpeedupLike>> => {
      await writeFile(file, corrupt);
      return { 'piscina(2)': speedup(1.8, 1.72, 1.88) };
    };
    await expect(check({ confirm, speedups: { 'piscina(2)': speedup(1.2, 1.15, 1.29), 'chunked(500)': speedup(1.4, 1.3, 1.5) } })).rejects.toThrow(SpeedupFileError);
    expect(await readFile(file, 'utf8')).toBe(corrupt);
  });

  it('validates its options', async () => {
    await expect(check({ speedups: { a: { estimate: 1, lower: 1, upper: 1 } as SpeedupLike } })).rejects.toThrow(
      'checkAgainstBaseline(options): options.speedups["a"] must be a speedup { estimate, lower, upper, level } of positive numbers (a RatioInterval).',
    );
    await expect(check({ speedups: {}, tolerance: 1 })).rejects.toThrow('checkAgainstBaseline(options): tolerance must be a number from 0 to below 1 (0.1 = 10%), received 1.');
    await expect(check({ speedups: {}, key: '' })).rejects.toThrow('checkAgainstBaseline(options): options.key must be a non-empty string.');
  });

  it('takes update and CI mode from the environment when not given', async () => {
    vi.stubEnv('CI', 'true');
    vi.stubEnv('VITEST_SPEEDUP_UPDATE', '');
    try {
      const result = await checkAgainstBaseline({ file, key: 'sieve', testbed, speedups: { 'chunked(500)': speedup(1.4, 1.3, 1.5) } });
      expect([result.ci, result.update, result.entries[0]?.status]).toEqual([true, false, 'missing']);
      vi.stubEnv('VITEST_SPEEDUP_UPDATE', '1');
      const updated = await checkAgainstBaseline({ file, key: 'sieve', testbed, speedups: { 'chunked(500)': speedup(1.4, 1.3, 1.5) } });
      expect([updated.ci, updated.update, updated.entries[0]?.status, updated.written]).toEqual([true, true, 'new', true]);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('formatBaselineCheck', () => {
  it('prints a table and the messages', async () => {
    const result = await check({ ci: true, speedups: { 'piscina(2)': speedup(1.2, 1.15, 1.29), 'tinypool(2)': speedup(1.5, 1.4, 1.6), 'chunked(500)': speedup(1.4, 1.3, 1.5) } });
    expect(formatBaselineCheck(result).replaceAll(file, 'baselines.json')).toMatchInlineSnapshot(`
      "Speedup baselines: baselines.json, key "sieve", tolerance 10%, CI
        on 2 cores, ceiling 1.75-2.00x, Intel(R) Xeon(R) Processor, Node 24, linux-x64 (testbed b1bd37880820)
        entry         status     measured [CI]       baseline
        piscina(2)    regressed  1.20x [1.15, 1.29]     1.84x
        tinypool(2)   ok         1.50x [1.40, 1.60]     1.56x
        chunked(500)  missing    1.40x [1.30, 1.50]         -
        piscina(2): regressed: 1.20x [1.15, 1.29] lies wholly below 1.66x (baseline 1.84x (recorded 2026-02-01T10:00:00.000Z) minus 10%).
        tinypool(2): ok: 1.50x [1.40, 1.60] against baseline 1.56x (recorded 2026-02-01T10:00:00.000Z), tolerance 10%.
        chunked(500): no baseline for key "sieve" on testbed b1bd37880820 in baselines.json, and in CI a missing baseline is an error (nothing was written). Record it on this testbed with VITEST_SPEEDUP_UPDATE=1 and commit baselines.json.
        FAILED: 1 regressed, 1 missing"
    `);
    const written = await check({ speedups: { 'chunked(500)': speedup(1.4, 1.3, 1.5) } });
    expect(formatBaselineCheck(written).split('\n').at(-1)).toBe(`  passed; wrote ${file}`);
  });
});
