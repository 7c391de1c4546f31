import type { EstimateSummary } from './periodic.ts';
import { median, quantile } from './stats.ts';
import { caseKey, MULTIPLES, wrongKind, type Condition, type VerdictRecord } from './verdicts.ts';

export interface ToolStats {
  readonly n: number;
  readonly pass: number;
  readonly fail: number;
  readonly inconclusive: number;
  readonly falseFail: number;
  readonly falsePass: number;
  readonly wrong: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  /** Median of estimate / true ratio. */
  readonly medianEstimateRatio: number;
}

export interface CaseRow {
  readonly key: string;
  readonly kind: string;
  readonly nominal: number;
  readonly trueRatio: number;
  readonly multiple: number;
  readonly k: number;
  readonly condition: Condition;
  readonly ours: ToolStats;
  readonly vitest: ToolStats;
}

function stats(records: readonly VerdictRecord[]): ToolStats {
  const count = (v: string): number => records.filter((r) => r.verdict === v).length;
  const falseFail = records.filter((r) => wrongKind(r.multiple, r.verdict) === 'false-fail').length;
  const falsePass = records.filter((r) => wrongKind(r.multiple, r.verdict) === 'false-pass').length;
  const times = records.map((r) => r.elapsedMs);
  return {
    n: records.length,
    pass: count('pass'),
    fail: count('fail'),
    inconclusive: count('inconclusive'),
    falseFail,
    falsePass,
    wrong: falseFail + falsePass,
    medianMs: median(times),
    p95Ms: quantile(times, 0.95),
    medianEstimateRatio: median(records.map((r) => r.estimate / r.trueRatio)),
  };
}

export function tabulate(records: readonly VerdictRecord[]): CaseRow[] {
  const keys: string[] = [];
  for (const r of records) if (!keys.includes(caseKey(r))) keys.push(caseKey(r));
  const order = (key: string): number[] => {
    const [kind, nominal, multiple, condition] = key.split('|');
    return [kind === 'cpu' ? 0 : 1, Number(nominal), condition === 'quiet' ? 0 : 1, Number(multiple)];
  };
  keys.sort((a, b) => {
    const x = order(a);
    const y = order(b);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
    return 0;
  });
  return keys.map((key) => {
    const own = records.filter((r) => caseKey(r) === key);
    const first = own[0] as VerdictRecord;
    return {
      key,
      kind: first.kind,
      nominal: first.nominal,
      trueRatio: first.trueRatio,
      multiple: first.multiple,
      k: first.k,
      condition: first.condition,
      ours: stats(own.filter((r) => r.tool === 'ours')),
      vitest: stats(own.filter((r) => r.tool === 'vitest')),
    };
  });
}

const pct = (part: number, n: number): string => (n === 0 ? '-' : `${Math.round((100 * part) / n)}%`);
const secs = (ms: number): string => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)}s` : '-');

function pad(cells: readonly string[], widths: readonly number[], align: readonly ('l' | 'r')[]): string {
  return cells.map((c, i) => (align[i] === 'l' ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
}

function renderTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const lines = [pad(header, widths, align), widths.map((w) => '-'.repeat(w)).join('  ')];
  let previous = '';
  for (const row of rows) {
    const group = `${row[0]}${row[1]}${row[4]}`;
    if (previous && group !== previous) lines.push('');
    previous = group;
    lines.push(pad(row, widths, align));
  }
  return lines.join('\n');
}

export function formatCaseTable(rows: readonly CaseRow[]): string {
  const header = [
    'kind', 'true', 'thr', 'k', 'cond',
    'n', 'pass', 'fail', 'inc', 'false-fail', 'false-pass', 'med t', 'p95 t', 'est/true',
    '|', 'V n', 'V pass', 'V fail', 'V wrong', 'V med t', 'V est/true',
  ];
  const align: ('l' | 'r')[] = ['l', 'r', 'r', 'r', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'r', 'r', 'r', 'r', 'r', 'r'];
  const body = rows.map((r) => {
    const o = r.ours;
    const v = r.vitest;
    const ff = r.multiple <= 0.8 + 1e-9 ? `${pct(o.falseFail, o.n)} (${o.falseFail})` : '-';
    const fp = r.multiple >= 1.25 - 1e-9 ? `${pct(o.falsePass, o.n)} (${o.falsePass})` : '-';
    const vw = r.multiple === 1 ? '-' : `${v.wrong}/${v.n}`;
    return [
      r.kind, `${r.trueRatio.toFixed(2)}x`, `${r.multiple.toFixed(2)}x`, r.k.toFixed(2), r.condition,
      String(o.n), pct(o.pass, o.n), pct(o.fail, o.n), pct(o.inconclusive, o.n), ff, fp, secs(o.medianMs), secs(o.p95Ms), o.medianEstimateRatio.toFixed(3),
      '|', String(v.n), pct(v.pass, v.n), pct(v.fail, v.n), vw, secs(v.medianMs), v.medianEstimateRatio.toFixed(3),
    ];
  });
  return renderTable(header, body, align);
}

export interface TargetResult {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

export function evaluateTargets(rows: readonly CaseRow[], estimates: readonly EstimateSummary[]): TargetResult[] {
  const low = rows.filter((r) => r.multiple <= 0.8 + 1e-9);
  const high = rows.filter((r) => r.multiple >= 1.25 - 1e-9);
  const clear = [...low, ...high];
  const sum = (rs: readonly CaseRow[], f: (r: CaseRow) => number): number => rs.reduce((s, r) => s + f(r), 0);
  const targets: TargetResult[] = [];

  const ffN = sum(low, (r) => r.ours.n);
  const ff = sum(low, (r) => r.ours.falseFail);
  const ffWorst = low.reduce((w, r) => Math.max(w, r.ours.n ? r.ours.falseFail / r.ours.n : 0), 0);
  targets.push({
    name: 'false fail <= 1% when true ratio >= 1.25x threshold (0.8x cases)',
    ok: ffN > 0 && ff / ffN <= 0.01,
    detail: `${ff}/${ffN} = ${((100 * ff) / Math.max(1, ffN)).toFixed(1)}% pooled; worst case ${(100 * ffWorst).toFixed(0)}%`,
  });

  const fpN = sum(high, (r) => r.ours.n);
  const fp = sum(high, (r) => r.ours.falsePass);
  const fpWorst = high.reduce((w, r) => Math.max(w, r.ours.n ? r.ours.falsePass / r.ours.n : 0), 0);
  targets.push({
    name: 'false pass <= 1% when true ratio <= 0.8x threshold (1.25x cases)',
    ok: fpN > 0 && fp / fpN <= 0.01,
    detail: `${fp}/${fpN} = ${((100 * fp) / Math.max(1, fpN)).toFixed(1)}% pooled; worst case ${(100 * fpWorst).toFixed(0)}%`,
  });

  const slowest = clear.reduce<CaseRow | undefined>((w, r) => (!w || r.ours.medianMs > w.ours.medianMs ? r : w), undefined);
  const overall = median(clear.map((r) => r.ours.medianMs));
  targets.push({
    name: 'median time to verdict <= 1 s in clear cases (every 0.8x / 1.25x case)',
    ok: slowest !== undefined && slowest.ours.medianMs <= 1000,
    detail: slowest
      ? `slowest case median ${secs(slowest.ours.medianMs)} (${slowest.kind} ${slowest.trueRatio.toFixed(2)}x ${slowest.multiple}x ${slowest.condition}); median of case medians ${secs(overall)}`
      : 'no clear cases',
  });

  // "Fewer wrong verdicts than Vitest on every case": where Vitest made wrong calls we must make
  // strictly fewer; where it made none we must make none. 1.0x cases have no wrong verdicts.
  const worse = clear.filter((r) => r.ours.wrong / Math.max(1, r.ours.n) > r.vitest.wrong / Math.max(1, r.vitest.n));
  const notFewer = clear.filter((r) => r.vitest.wrong > 0 && !(r.ours.wrong / r.ours.n < r.vitest.wrong / r.vitest.n));
  const vitestWrongCases = clear.filter((r) => r.vitest.wrong > 0).length;
  const oursWrongTotal = sum(clear, (r) => r.ours.wrong);
  const vitestWrongTotal = sum(clear, (r) => r.vitest.wrong);
  targets.push({
    name: "fewer wrong verdicts than Vitest's built-in on every case (rate; equal only where both are 0)",
    ok: worse.length === 0 && notFewer.length === 0,
    detail: `ours ${oursWrongTotal}/${sum(clear, (r) => r.ours.n)} wrong, Vitest ${vitestWrongTotal}/${sum(clear, (r) => r.vitest.n)}; Vitest wrong in ${vitestWrongCases}/${clear.length} clear cases, ours not fewer in ${notFewer.length} of them; ours worse in ${worse.length}${
      [...worse, ...notFewer].length ? ` (${[...new Set([...worse, ...notFewer])].map((r) => `${r.kind} ${r.trueRatio.toFixed(2)}x ${r.multiple}x ${r.condition}`).join('; ')})` : ''
    }`,
  });

  const ours = estimates.find((e) => e.method === 'ours');
  const naive = estimates.find((e) => e.method === 'naive');
  targets.push({
    name: 'estimate error under the periodic hog within 3% (median, ours)',
    ok: ours !== undefined && ours.medianError <= 0.03,
    detail: ours
      ? `ours median ${(100 * ours.medianError).toFixed(1)}% (p95 ${(100 * ours.p95Error).toFixed(1)}%)${naive ? `; naive sequential median ${(100 * naive.medianError).toFixed(1)}% (p95 ${(100 * naive.p95Error).toFixed(1)}%)` : ''}`
      : 'not run',
  });
  return targets;
}

export function formatTargets(targets: readonly TargetResult[]): string {
  return targets.map((t) => `  ${t.ok ? 'PASS' : 'MISS'}  ${t.name}\n        ${t.detail}`).join('\n');
}

export function formatEstimateTable(summaries: readonly EstimateSummary[]): string {
  const header = ['method', 'n', 'median |err|', 'p95 |err|', 'max |err|', 'median time'];
  const rows = summaries.map((s) => [
    s.method === 'ours' ? 'ours (interleaved)' : s.method === 'naive' ? 'naive sequential, same time' : 'naive sequential, 2 s',
    String(s.n),
    `${(100 * s.medianError).toFixed(2)}%`,
    `${(100 * s.p95Error).toFixed(2)}%`,
    `${(100 * s.maxError).toFixed(2)}%`,
    secs(s.medianElapsedMs),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const align: ('l' | 'r')[] = ['l', 'r', 'r', 'r', 'r', 'r'];
  return [pad(header, widths, align), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => pad(r, widths, align))].join('\n');
}

export { MULTIPLES };
