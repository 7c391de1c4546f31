import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stop, track } from './children.ts';
import { median } from './stats.ts';
import { MULTIPLES, thresholdFor, wrongKind, type Condition, type Subject, type VerdictRecord } from './verdicts.ts';

/**
 * Cross-check: the same workloads judged by real Vitest (fixtures/calibrate-vitest, run with
 * `vitest bench --run`), to confirm that the in-process reproduction of bench.compare +
 * toBeFasterThan behaves like the real thing.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = join(ROOT, 'fixtures', 'calibrate-vitest');
const VITEST_CLI = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');

export interface FixtureRecord {
  readonly condition: Condition;
  readonly kind: string;
  readonly nominal: number;
  readonly trueRatio: number;
  readonly ratio: number;
  readonly elapsedMs: number;
  readonly multiples: readonly number[];
  readonly verdicts: readonly ('pass' | 'fail')[];
}

interface Line {
  readonly kind: string;
  readonly nominal: number;
  readonly trueRatio: number;
  readonly ratio: number;
  readonly elapsedMs: number;
  readonly multiples: readonly number[];
  readonly verdicts: readonly ('pass' | 'fail')[];
}

function readLines(path: string): Line[] {
  if (!existsSync(path)) return [];
  const lines: Line[] = [];
  for (const text of readFileSync(path, 'utf8').split('\n')) {
    if (text.trim() === '') continue;
    try {
      lines.push(JSON.parse(text) as Line);
    } catch {
      break; // a line still being written: read it next time
    }
  }
  return lines;
}

export async function runVitestFixture(
  subjects: readonly Subject[],
  condition: Condition,
  reps: number,
  progress: (line: string) => void,
): Promise<FixtureRecord[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vitest-speedup-calibrate-'));
  const plan = join(dir, 'plan.json');
  const out = join(dir, 'out.jsonl');
  const items = [];
  for (let rep = 0; rep < reps; rep++) {
    for (const s of subjects) {
      items.push({
        id: `${condition} ${s.kind} ${s.nominal}x #${rep + 1}`,
        kind: s.kind,
        nominal: s.nominal,
        trueRatio: s.trueRatio,
        spec: s.spec,
        multiples: [...MULTIPLES],
        thresholds: MULTIPLES.map((m) => thresholdFor(s.trueRatio, m)),
      });
    }
  }
  writeFileSync(plan, JSON.stringify({ items }));
  progress(`${condition} vitest fixture: ${items.length} bench.compare run(s) in real Vitest (vitest bench --run --root fixtures/calibrate-vitest)`);
  const t0 = performance.now();
  const child = track(
    spawn(process.execPath, [VITEST_CLI, 'bench', '--run', '--root', FIXTURE, '--reporter', 'dot'], {
      cwd: FIXTURE,
      env: { ...process.env, CALIBRATE_PLAN: plan, CALIBRATE_OUT: out, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  let seen = 0;
  const poll = setInterval(() => {
    const lines = readLines(out);
    for (const [i, l] of lines.entries()) {
      if (i < seen) continue;
      progress(`${condition} vitest fixture ${i + 1}/${items.length} ${l.kind} ${l.nominal}x: means ratio ${l.ratio.toFixed(2)}x (true ${l.trueRatio.toFixed(2)}x) in ${(l.elapsedMs / 1000).toFixed(2)} s -> ${l.multiples.map((m, i) => `${m}x:${l.verdicts[i]}`).join(' ')}`);
    }
    seen = lines.length;
  }, 500);
  let code: number | null;
  try {
    code = await new Promise<number | null>((resolve, reject) => {
      child.once('exit', (c) => resolve(c));
      child.once('error', reject);
    });
  } finally {
    clearInterval(poll);
    await stop(child);
  }
  const lines = readLines(out);
  for (const [i, l] of lines.entries()) {
    if (i >= seen) progress(`${condition} vitest fixture ${i + 1}/${items.length} ${l.kind} ${l.nominal}x: means ratio ${l.ratio.toFixed(2)}x (true ${l.trueRatio.toFixed(2)}x) in ${(l.elapsedMs / 1000).toFixed(2)} s -> ${l.multiples.map((m, j) => `${m}x:${l.verdicts[j]}`).join(' ')}`);
  }
  rmSync(dir, { recursive: true, force: true });
  progress(`${condition} vitest fixture: ${lines.length}/${items.length} results in ${((performance.now() - t0) / 1000).toFixed(1)} s (exit code ${code})`);
  if (code !== 0 || lines.length !== items.length) {
    progress(`vitest fixture output:\n${output.split('\n').slice(-40).join('\n')}`);
  }
  return lines.map((l) => ({ condition, kind: l.kind, nominal: l.nominal, trueRatio: l.trueRatio, ratio: l.ratio, elapsedMs: l.elapsedMs, multiples: l.multiples, verdicts: l.verdicts }));
}

export interface FixtureSummaryRow {
  readonly kind: string;
  readonly trueRatio: number;
  readonly condition: string;
  readonly realRuns: number;
  readonly realRatioMedian: number;
  readonly realWrong: number;
  readonly realVerdicts: number;
  readonly realMedianMs: number;
  readonly emulatedRuns: number;
  readonly emulatedRatioMedian: number;
  readonly emulatedWrong: number;
  readonly emulatedVerdicts: number;
  readonly emulatedMedianMs: number;
}

export function summarizeFixture(fixture: readonly FixtureRecord[], records: readonly VerdictRecord[]): FixtureSummaryRow[] {
  const groups = new Map<string, FixtureRecord[]>();
  for (const f of fixture) {
    const key = `${f.kind}|${f.nominal}|${f.condition}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].map((own) => {
    const first = own[0] as FixtureRecord;
    const emulated = records.filter((r) => r.tool === 'vitest' && r.kind === first.kind && r.nominal === first.nominal && r.condition === first.condition);
    const emulatedRuns = new Map<number, VerdictRecord>();
    for (const r of emulated) emulatedRuns.set(r.run ?? -1, r);
    const realWrong = own.reduce((s, f) => s + f.verdicts.filter((v, i) => wrongKind(f.multiples[i] as number, v) !== undefined).length, 0);
    return {
      kind: first.kind,
      trueRatio: first.trueRatio,
      condition: first.condition,
      realRuns: own.length,
      realRatioMedian: median(own.map((f) => f.ratio / f.trueRatio)),
      realWrong,
      realVerdicts: own.reduce((s, f) => s + f.verdicts.filter((_, i) => (f.multiples[i] as number) !== 1).length, 0),
      realMedianMs: median(own.map((f) => f.elapsedMs)),
      emulatedRuns: emulatedRuns.size,
      emulatedRatioMedian: median([...emulatedRuns.values()].map((r) => r.estimate / r.trueRatio)),
      emulatedWrong: emulated.filter((r) => wrongKind(r.multiple, r.verdict) !== undefined).length,
      emulatedVerdicts: emulated.filter((r) => r.multiple !== 1).length,
      emulatedMedianMs: median([...emulatedRuns.values()].map((r) => r.elapsedMs)),
    };
  });
}

export function formatFixtureTable(rows: readonly FixtureSummaryRow[]): string {
  if (rows.length === 0) return '  (no results: see the fixture output above)';
  const header = ['kind', 'true', 'cond', 'real runs', 'real ratio/true', 'real wrong', 'real med t', 'emul runs', 'emul ratio/true', 'emul wrong', 'emul med t'];
  const body = rows.map((r) => [
    r.kind, `${r.trueRatio.toFixed(2)}x`, r.condition,
    String(r.realRuns), r.realRatioMedian.toFixed(3), `${r.realWrong}/${r.realVerdicts}`, `${(r.realMedianMs / 1000).toFixed(2)}s`,
    String(r.emulatedRuns), r.emulatedRatioMedian.toFixed(3), `${r.emulatedWrong}/${r.emulatedVerdicts}`, `${(r.emulatedMedianMs / 1000).toFixed(2)}s`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const fmt = (cells: readonly string[]): string => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(fmt)].join('\n');
}
