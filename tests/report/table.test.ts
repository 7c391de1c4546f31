import { describe, expect, it } from 'vitest';
import { formatGroupTable, formatReportTables } from '../../src/report/table.ts';
import { readReport } from '../../src/report/validate.ts';

const basic = await readReport('fixtures/reports/basic.json');

describe('formatGroupTable', () => {
  it('aligns strategy | median | speedup [CI] | efficiency | flags | verdict, with rounds, stop reason, fit and notes', () => {
    expect(formatGroupTable(basic.groups[0] as (typeof basic.groups)[0])).toMatchInlineSnapshot(`
      "sieve 1000..15999 (baseline: sequential)
        strategy              median  speedup [99.5% CI]  efficiency  flags         verdict
        sequential            312 ms  baseline                  100%  -             -
        piscina-chunked(500)  211 ms  1.48x [1.39, 1.58]         74%  -             pass
        worker-per-item       762 ms  0.41x [0.38, 0.44]         21%  noisy, drift  fail
        24 rounds, stopped: decided, Amdahl fit: serial fraction 35.1% (at most 2.85x with unlimited workers)
        note: worker-per-item: samples vary by 34% (sd / mean); pairing cancels shared slowdowns but the interval is wider.
        note: worker-per-item: the speedup moved from 0.38x to 0.44x between the halves of the run; the machine's state changed the comparison itself."
    `);
  });

  it('prints the level per cell when the speedups have different levels', () => {
    const group = basic.groups[1] as (typeof basic.groups)[0];
    const mixed = { ...group, notes: [], entries: group.entries.map((entry, i) => (i === 2 && entry.speedup !== null ? { ...entry, speedup: { ...entry.speedup, level: 0.95 } } : entry)) };
    expect(formatGroupTable(mixed)).toMatchInlineSnapshot(`
      "fetch 100 urls <b>&</b> (baseline: sequential)
        strategy      median  speedup [CI]                   efficiency  flags       verdict
        sequential   15.31 s  baseline                                -  few-rounds  -
        gather|all    250 ms  61.18x [58.31, 64.20] (99.5%)           -  few-rounds  pass
        bounded(5)    3.11 s  4.93x [4.87, 4.99] (95%)                -  few-rounds  inconclusive
        bounded(10)   1.57 s  9.75x [9.51, 10.02] (99.5%)             -  few-rounds  -
        4 rounds, stopped: max-time"
    `);
  });
});

describe('formatReportTables', () => {
  it('prints the testbed and every group', () => {
    expect(formatReportTables(basic)).toMatchInlineSnapshot(`
      "Speedup report on 2 cores, ceiling 1.75-2.00x, Intel(R) Xeon(R) Processor, Node 24, linux-x64 (testbed b1bd37880820)

      sieve 1000..15999 (baseline: sequential)
        strategy              median  speedup [99.5% CI]  efficiency  flags         verdict
        sequential            312 ms  baseline                  100%  -             -
        piscina-chunked(500)  211 ms  1.48x [1.39, 1.58]         74%  -             pass
        worker-per-item       762 ms  0.41x [0.38, 0.44]         21%  noisy, drift  fail
        24 rounds, stopped: decided, Amdahl fit: serial fraction 35.1% (at most 2.85x with unlimited workers)
        note: worker-per-item: samples vary by 34% (sd / mean); pairing cancels shared slowdowns but the interval is wider.
        note: worker-per-item: the speedup moved from 0.38x to 0.44x between the halves of the run; the machine's state changed the comparison itself.

      fetch 100 urls <b>&</b> (baseline: sequential)
        strategy      median  speedup [99.5% CI]     efficiency  flags       verdict
        sequential   15.31 s  baseline                        -  few-rounds  -
        gather|all    250 ms  61.18x [58.31, 64.20]           -  few-rounds  pass
        bounded(5)    3.11 s  4.93x [4.87, 4.99]              -  few-rounds  inconclusive
        bounded(10)   1.57 s  9.75x [9.51, 10.02]             -  few-rounds  -
        4 rounds, stopped: max-time
        note: only 4 of the planned 6 rounds fit in the time budget: raise maxTimeMs or shrink the workload."
    `);
  });
});
