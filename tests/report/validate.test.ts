import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpeedupFileError } from '../../src/report/errors.ts';
import { parseReport, readReport, validateReport } from '../../src/report/validate.ts';

const fixture = (name: string): string => `fixtures/reports/${name}`;

async function failure(promise: Promise<unknown>): Promise<SpeedupFileError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SpeedupFileError);
  return error as SpeedupFileError;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vitest-speedup-validate-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readReport', () => {
  it('reads the fixture reports', async () => {
    for (const name of ['basic.json', 'old.json', 'new.json', 'new-no-regression.json', 'other-testbed.json']) {
      const report = await readReport(fixture(name));
      expect(report.schemaVersion).toBe(1);
      expect(report.groups.length).toBeGreaterThan(0);
    }
  });

  it('lists every malformed field with its path, what was expected and what was received', async () => {
    const error = await failure(readReport(fixture('invalid.json')));
    expect(error.problem).toBe('invalid');
    expect(error.file).toBe('fixtures/reports/invalid.json');
    expect(error.issues).toHaveLength(10);
    expect(error.message).toMatchInlineSnapshot(`
      "fixtures/reports/invalid.json: not a valid report (10 problems):
        - createdAt: expected an ISO 8601 timestamp like "2026-01-01T00:00:00.000Z", received the string "yesterday"
        - tool.version: expected a non-empty string, received nothing (the field is missing)
        - testbed.id: "b1bd37880820" does not match the testbed's fields (their id is "19dfd1078fcd"): the fingerprint was edited by hand
        - groups[0].rounds: expected a non-negative integer, received -1
        - groups[0].stopReason: expected one of "decided", "precise", "max-rounds", "max-time", received the string "gave-up"
        - groups[0].entries[1].speedup.lower: expected a positive number, received the string "1.78"
        - groups[0].entries[2].speedup: expected lower <= estimate <= upper, received 1.7 <= 1.56 <= 1.62
        - groups[0].entries[3].name: "piscina(2)" appears twice in this group; entry names must be unique
        - groups[0].entries[4].flags: expected an array, received nothing (the field is missing)
        - groups[1].entries: expected exactly one entry with "speedup": null, named like the baseline "sequential"; found none
      Re-create it by running the benchmarks again (writeReport() writes report.json)."
    `);
  });

  it('says a truncated file is truncated', async () => {
    const error = await failure(readReport(fixture('truncated.json')));
    expect(error.problem).toBe('truncated');
    expect(error.message).toBe(
      'fixtures/reports/truncated.json: the JSON ends early, after 700 characters: the file is truncated (an interrupted write or a partial copy). ' +
        'Re-create it by running the benchmarks again (writeReport() writes report.json).',
    );
  });

  it('says a newer schema version needs a newer vitest-speedup', async () => {
    const error = await failure(readReport(fixture('schema-v2.json')));
    expect(error.problem).toBe('newer-schema');
    expect(error.message).toBe(
      'fixtures/reports/schema-v2.json: schemaVersion 2 is newer than this vitest-speedup understands (1); upgrade vitest-speedup or re-create the report with this version.',
    );
  });

  it('names missing, empty, non-JSON and foreign files', async () => {
    const missing = await failure(readReport(join(dir, 'nope.json')));
    expect(missing.problem).toBe('not-found');
    expect(missing.message).toBe(`${join(dir, 'nope.json')}: no such file (expected a report). Re-create it by running the benchmarks again (writeReport() writes report.json).`);

    const notJson = await failure(readReport(fixture('not-json.json')));
    expect(notJson.problem).toBe('invalid-json');
    expect(notJson.message).toMatch(/^fixtures\/reports\/not-json\.json: not valid JSON \(Unexpected token 'R'.*\)\. Re-create it/);

    await writeFile(join(dir, 'empty.json'), '  \n');
    const empty = await failure(readReport(join(dir, 'empty.json')));
    expect(empty.problem).toBe('empty');
    expect(empty.message).toContain('empty.json: the file is empty (an interrupted write?).');

    const baseline = await failure(readReport('fixtures/baselines/baselines.json'));
    expect(baseline.problem).toBe('wrong-kind');
    expect(baseline.message).toBe('fixtures/baselines/baselines.json: this is a vitest-speedup baseline file, not a report. Check the file name.');

    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'x' }));
    const foreign = await failure(readReport(join(dir, 'package.json')));
    expect(foreign.message).toBe(`${join(dir, 'package.json')}: not a vitest-speedup report (it has no "kind": "vitest-speedup-report" field). Check the file name.`);

    const unreadable = await failure(readReport(dir));
    expect(unreadable.problem).toBe('unreadable');
    expect(unreadable.message).toContain('EISDIR');
  });

  it('rejects a missing or unsupported schema version', async () => {
    const text = await readFile(fixture('old.json'), 'utf8');
    const withVersion = (version: unknown): string => JSON.stringify({ ...(JSON.parse(text) as object), schemaVersion: version });
    expect(() => parseReport(withVersion(0), 'r.json')).toThrow(
      'r.json: schemaVersion 0 is not supported (this vitest-speedup reads version 1). Re-create it by running the benchmarks again (writeReport() writes report.json).',
    );
    expect(() => parseReport(withVersion(undefined), 'r.json')).toThrow('r.json: schemaVersion nothing (the field is missing) is not supported');
    expect(() => parseReport(withVersion('1'), 'r.json')).toThrow('r.json: schemaVersion the string "1" is not supported');
  });

  it('names the document "report" by default and rejects non-objects', () => {
    expect(() => validateReport([1, 2])).toThrow('report: not a vitest-speedup report: expected a JSON object, received an array of 2 items.');
    expect(() => validateReport(null)).toThrow('report: not a vitest-speedup report: expected a JSON object, received null.');
  });
});
