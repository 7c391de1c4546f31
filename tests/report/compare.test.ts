import { describe, expect, it } from 'vitest';
import { compareReports } from '../../src/report/compare.ts';
import { formatChange } from '../../src/report/format.ts';
import type { SpeedupReport } from '../../src/report/schema.ts';
import { readReport } from '../../src/report/validate.ts';

const oldReport = await readReport('fixtures/reports/old.json');
const newReport = await readReport('fixtures/reports/new.json');

describe('compareReports', () => {
  it('classifies against the old estimate with the tolerance', () => {
    const comparison = compareReports(oldReport, newReport);
    expect(comparison).toMatchObject({ tolerance: 0.1, sameTestbed: true, testbedDifferences: [], regressions: 1 });
    const piscina = comparison.changes[0];
    expect(piscina).toMatchObject({ group: 'sieve', entry: 'piscina(2)', status: 'regressed' });
    expect(piscina?.change).toBeCloseTo(1.22 / 1.84 - 1, 12);
  });

  it('does not compare entries whose group changed its baseline', () => {
    const rebased = {
      ...newReport,
      groups: newReport.groups.map((group) =>
        group.title === 'fetch'
          ? { ...group, baseline: 'gather', entries: group.entries.map((entry) => (entry.name === 'gather' ? { ...entry, speedup: null } : { ...entry, speedup: { estimate: 0.02, lower: 0.01, upper: 0.03, level: 0.995 } })) }
          : group,
      ),
    } as SpeedupReport;
    const fetchChanges = compareReports(oldReport, rebased).changes.filter((change) => change.group === 'fetch');
    expect(fetchChanges.map((change) => [change.entry, change.old?.estimate ?? null, change.new?.estimate ?? null, change.status])).toEqual([
      ['sequential', null, 0.02, 'incomparable'],
      ['gather', 61.2, null, 'incomparable'],
    ]);
    expect(compareReports(oldReport, rebased).regressions).toBe(1);
  });

  it('lists groups that disappeared as removed and rejects a bad tolerance', () => {
    const fewer = { ...newReport, groups: newReport.groups.slice(0, 1) } as SpeedupReport;
    expect(compareReports(oldReport, fewer).changes.at(-1)).toMatchObject({ group: 'fetch', entry: 'gather', status: 'removed', new: null });
    expect(() => compareReports(oldReport, newReport, { tolerance: -0.1 })).toThrow('compareReports(old, new, options): tolerance must be a number from 0 to below 1 (0.1 = 10%), received -0.1.');
  });
});

describe('formatChange', () => {
  it('signs percentages and never prints -0.0%', () => {
    expect(formatChange(0.265)).toBe('+26.5%');
    expect(formatChange(-0.337)).toBe('-33.7%');
    expect(formatChange(-0.00001)).toBe('+0.0%');
    expect(formatChange(0)).toBe('+0.0%');
  });
});
