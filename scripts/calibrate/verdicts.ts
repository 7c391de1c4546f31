import { measureSpeedup } from '../../src/engine/index.ts';
import type { MeasureOptions, Verdict } from '../../src/engine/index.ts';
import { yieldToEventLoop } from './children.ts';
import { shuffleInPlace } from './stats.ts';
import { deltaForAtLeast, runBuiltinCompare, toBeFasterThan } from './vitest-builtin.ts';
import { makeWorkload, type WorkloadKind, type WorkloadSpec } from './workloads.ts';

export type Condition = 'quiet' | 'hog';
export const MULTIPLES = [0.8, 1.0, 1.25] as const;
export type Multiple = (typeof MULTIPLES)[number];

/** The engine's default budget, used for the clear cases (0.8x, 1.25x). */
export const CLEAR_MAX_TIME_MS = 5000;
/** Lowered budget for the 1.0x cases, which can only end inconclusive or by chance. */
export const EDGE_MAX_TIME_MS = 2000;

export interface Subject {
  readonly kind: WorkloadKind;
  readonly nominal: number;
  readonly trueRatio: number;
  readonly spec: WorkloadSpec;
}

export interface VerdictRecord {
  readonly tool: 'ours' | 'vitest';
  readonly kind: WorkloadKind;
  readonly nominal: number;
  readonly trueRatio: number;
  readonly multiple: Multiple;
  readonly k: number;
  readonly condition: Condition;
  readonly verdict: Verdict;
  readonly elapsedMs: number;
  /** The tool's speedup estimate (ours: geometric mean ratio; Vitest: ratio of means). */
  readonly estimate: number;
  readonly lower?: number;
  readonly upper?: number;
  readonly rounds?: number;
  readonly stopReason?: string;
  readonly flags?: readonly string[];
  readonly seed?: number;
  readonly maxTimeMs?: number;
  readonly samples?: readonly [number, number];
  /** Index of the bench.compare run (Vitest judges all three thresholds on one run). */
  readonly run?: number;
}

export function caseKey(r: { kind: string; nominal: number; multiple: number; condition: string }): string {
  return `${r.kind}|${r.nominal}|${r.multiple}|${r.condition}`;
}

export function thresholdFor(trueRatio: number, multiple: Multiple): number {
  return trueRatio * multiple;
}

/** A wrong verdict: fail although the true ratio is >= 1.25x the threshold, or pass although it is <= 0.8x. */
export function wrongKind(multiple: number, verdict: Verdict): 'false-fail' | 'false-pass' | undefined {
  if (multiple <= 0.8 + 1e-9 && verdict === 'fail') return 'false-fail';
  if (multiple >= 1.25 - 1e-9 && verdict === 'pass') return 'false-pass';
  return undefined;
}

let vitestRuns = 0;

async function runOurs(subject: Subject, multiple: Multiple, condition: Condition, engineOptions: MeasureOptions): Promise<VerdictRecord> {
  const w = makeWorkload(subject.spec);
  const k = thresholdFor(subject.trueRatio, multiple);
  const maxTimeMs = multiple === 1.0 ? EDGE_MAX_TIME_MS : (engineOptions.maxTimeMs ?? CLEAR_MAX_TIME_MS);
  const m = await measureSpeedup(w.candidate, w.baseline, { ...engineOptions, criterion: { kind: 'atLeast', k }, maxTimeMs });
  const c = m.comparisons[0];
  if (!c || !c.verdict) throw new Error('the engine returned no verdict');
  return {
    tool: 'ours',
    kind: subject.kind,
    nominal: subject.nominal,
    trueRatio: subject.trueRatio,
    multiple,
    k,
    condition,
    verdict: c.verdict,
    elapsedMs: m.elapsedMs,
    estimate: c.interval.estimate,
    lower: c.interval.lower,
    upper: c.interval.upper,
    rounds: m.rounds,
    stopReason: m.stopReason,
    flags: [...new Set(m.flags.map((f) => f.code))],
    seed: m.seed,
    maxTimeMs,
  };
}

async function runVitest(subject: Subject, condition: Condition): Promise<VerdictRecord[]> {
  const w = makeWorkload(subject.spec);
  const run = await runBuiltinCompare(w.candidate, w.baseline);
  const index = vitestRuns++;
  return MULTIPLES.map((multiple) => {
    const k = thresholdFor(subject.trueRatio, multiple);
    const pass = toBeFasterThan(run.candidateMean, run.baselineMean, deltaForAtLeast(k));
    return {
      tool: 'vitest',
      kind: subject.kind,
      nominal: subject.nominal,
      trueRatio: subject.trueRatio,
      multiple,
      k,
      condition,
      verdict: pass ? 'pass' : 'fail',
      elapsedMs: run.elapsedMs,
      estimate: run.ratio,
      samples: [run.candidateSamples, run.baselineSamples],
      run: index,
    } satisfies VerdictRecord;
  });
}

function describe(r: VerdictRecord): string {
  return `${r.kind} ${r.nominal}x k=${r.k.toFixed(2)} (${r.multiple.toFixed(2)}x)`;
}

/**
 * One condition of the study: `reps` repetitions of every (subject x threshold) for ours and of
 * every subject for Vitest's built-in (one bench.compare judged at all three thresholds). Each
 * repetition's jobs run in a fresh random order, so drift of the machine falls on all alike.
 */
export async function runCondition(
  subjects: readonly Subject[],
  condition: Condition,
  reps: number,
  progress: (line: string) => void,
  engineOptions: MeasureOptions = {},
): Promise<VerdictRecord[]> {
  type Job = () => Promise<VerdictRecord[]>;
  const records: VerdictRecord[] = [];
  const perRep = subjects.length * (MULTIPLES.length + 1);
  let done = 0;
  for (let rep = 0; rep < reps; rep++) {
    const jobs: Job[] = [];
    for (const subject of subjects) {
      for (const multiple of MULTIPLES) jobs.push(async () => [await runOurs(subject, multiple, condition, engineOptions)]);
      jobs.push(() => runVitest(subject, condition));
    }
    for (const job of shuffleInPlace(jobs)) {
      await yieldToEventLoop();
      const out = await job();
      records.push(...out);
      done++;
      const first = out[0] as VerdictRecord;
      const what = first.tool === 'ours'
        ? `ours   ${describe(first)}: ${first.verdict} in ${(first.elapsedMs / 1000).toFixed(2)} s, est ${first.estimate.toFixed(2)}x (true ${first.trueRatio.toFixed(2)}x)`
        : `vitest ${first.kind} ${first.nominal}x: means ratio ${first.estimate.toFixed(2)}x (true ${first.trueRatio.toFixed(2)}x) in ${(first.elapsedMs / 1000).toFixed(2)} s -> ${out.map((r) => `${r.multiple}x:${r.verdict}`).join(' ')}`;
      progress(`${condition} ${done}/${perRep * reps} ${what}`);
    }
  }
  return records;
}
