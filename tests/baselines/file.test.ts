import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAgainstBaseline } from '../../src/baselines/check.ts';
import { emptyBaselineFile, readBaselineFile, serializeBaselineFile, validateBaselineFile, writeBaselineFile } from '../../src/baselines/file.ts';
import type { BaselineFile } from '../../src/baselines/file.ts';
import { makeTestbed } from '../../src/baselines/testbed.ts';
import { SpeedupFileError } from '../../src/report/errors.ts';

const testbed = makeTestbed({ effectiveCores: 2, ceilingBand: '1.75-2.00', cpuModel: 'Intel(R) Xeon(R) Processor', nodeMajor: 24, os: 'linux-x64' });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vitest-speedup-baseline-file-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Copies a fixture to baseline.json in a fresh directory, so messages name "…/baseline.json". */
async function copy(fixture: string): Promise<string> {
  const target = join(await mkdtemp(join(dir, 'case-')), 'baseline.json');
  await copyFile(`fixtures/baselines/${fixture}`, target);
  return target;
}

async function rejection(promise: Promise<unknown>): Promise<SpeedupFileError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SpeedupFileError);
  return error as SpeedupFileError;
}

describe('bad baseline files', () => {
  const cases: [fixture: string, problem: string, message: (file: string) => string][] = [
    [
      'schema-v2.json',
      'newer-schema',
      (file) => `${file}: schemaVersion 2 is newer than this vitest-speedup understands (1); upgrade vitest-speedup or re-record with VITEST_SPEEDUP_UPDATE=1`,
    ],
    [
      'truncated.json',
      'truncated',
      (file) =>
        `${file}: the JSON ends early, after 500 characters: the file is truncated (an interrupted write or a partial copy). ` +
        'Nothing was written. Fix it, restore it from version control, or delete it and re-record with VITEST_SPEEDUP_UPDATE=1.',
    ],
    [
      'unknown-testbed.json',
      'invalid',
      (file) =>
        `${file}: not a valid baseline file (1 problem):\n` +
        '  - baselines["0123456789ab"]: unknown testbed "0123456789ab": "testbeds" has no fingerprint with this id\n' +
        'Nothing was written. Fix it, restore it from version control, or delete it and re-record with VITEST_SPEEDUP_UPDATE=1.',
    ],
    [
      'invalid.json',
      'invalid',
      (file) =>
        `${file}: not a valid baseline file (3 problems):\n` +
        '  - testbeds["6479ea45cb90"].effectiveCores: expected a positive number, received the string "4"\n' +
        '  - baselines.b1bd37880820.sieve["piscina(2)"].estimate: expected a positive number, received -1\n' +
        '  - baselines.b1bd37880820.sieve["tinypool(2)"].recordedAt: expected an ISO 8601 timestamp like "2026-01-01T00:00:00.000Z", received nothing (the field is missing)\n' +
        'Nothing was written. Fix it, restore it from version control, or delete it and re-record with VITEST_SPEEDUP_UPDATE=1.',
    ],
    ['../reports/old.json', 'wrong-kind', (file) => `${file}: this is a vitest-speedup report, not a baseline file. Check the file name.`],
  ];

  for (const [fixture, problem, message] of cases) {
    it(`${fixture}: a clear error naming the file, and the bytes are unchanged even in update mode`, async () => {
      const file = await copy(fixture);
      const before = await readFile(file);
      const error = await rejection(readBaselineFile(file));
      expect(error.problem).toBe(problem);
      expect(error.file).toBe(file);
      expect(error.message).toBe(message(file));
      for (const mode of [{ update: true, ci: false }, { update: false, ci: false }, { update: false, ci: true }]) {
        const failed = await rejection(checkAgainstBaseline({ file, key: 'sieve', testbed, speedups: { 'piscina(2)': { estimate: 1.8, lower: 1.7, upper: 1.9, level: 0.995 } }, ...mode }));
        expect(failed.message).toBe(message(file));
        expect(await readFile(file)).toEqual(before);
      }
    });
  }

  it('an empty or non-JSON file is reported and kept', async () => {
    const file = join(dir, 'garbage.json');
    for (const content of ['', '<<<<<<< HEAD\n{}\n=======\n']) {
      await writeFile(file, content);
      const error = await rejection(checkAgainstBaseline({ file, key: 'k', testbed, speedups: {}, update: true, ci: false }));
      expect(error.message).toMatch(content === '' ? /garbage\.json: the file is empty/ : /garbage\.json: not valid JSON \(/);
      expect(await readFile(file, 'utf8')).toBe(content);
    }
  });
});

describe('baseline file I/O', () => {
  it('round-trips with sorted keys and a trailing newline', async () => {
    const file = join(dir, 'roundtrip', 'speedup-baselines.json');
    const data: BaselineFile = {
      ...emptyBaselineFile(),
      testbeds: { [testbed.id]: testbed },
      baselines: { [testbed.id]: { z: { b: { estimate: 2, lower: 1.9, upper: 2.1, level: 0.99, recordedAt: '2026-01-01T00:00:00.000Z' } }, a: {} } },
    };
    await writeBaselineFile(file, data);
    const text = await readFile(file, 'utf8');
    expect(text).toBe(serializeBaselineFile(data));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.indexOf('"a"')).toBeLessThan(text.indexOf('"z"'));
    expect(text.indexOf('"ceilingBand"')).toBeLessThan(text.indexOf('"cpuModel"'));
    expect(await readBaselineFile(file)).toEqual(data);
    expect(await readBaselineFile(join(dir, 'nothing-here.json'))).toBeUndefined();
  });

  it('refuses to write a malformed file', async () => {
    const file = join(dir, 'malformed.json');
    const data = { ...emptyBaselineFile(), baselines: { nope: {} } } as BaselineFile;
    await expect(writeBaselineFile(file, data)).rejects.toThrow('baselines.nope: unknown testbed "nope"');
    await expect(readFile(file)).rejects.toThrow(/ENOENT/);
  });

  it('validates a testbed filed under another id', () => {
    const other = makeTestbed({ ...testbed, effectiveCores: 4 });
    expect(() => validateBaselineFile({ ...emptyBaselineFile(), testbeds: { [testbed.id]: other } }, 'b.json')).toThrow(
      `b.json: not a valid baseline file (1 problem):\n  - testbeds.${testbed.id}: filed under "${testbed.id}" but its id is "${other.id}"`,
    );
  });
});
