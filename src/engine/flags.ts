import { median } from '../stats/summary.ts';
import type { Comparison, QualityFlag, SideSummary } from './types.ts';
import { formatDuration } from './format-duration.ts';

/** Samples shorter than this are within ~1000x of the timer's resolution and of the cost of reading it. */
const SHORTEST_TRUSTED_SAMPLE_MS = 0.01;
/** A side whose samples vary more than this (sd / mean) is flagged as noisy. */
const NOISY_CV = 0.3;
/** A side whose median moves more than this between the halves of the run has drifted. */
const SIDE_DRIFT = 0.2;
/** A speedup that moves more than this between the halves of the run has drifted. */
const RATIO_DRIFT = 0.1;

export interface FlagInput {
  readonly baseline: SideSummary;
  readonly candidates: readonly SideSummary[];
  readonly comparisons: readonly Comparison[];
  readonly rounds: number;
  readonly minRounds: number;
  readonly others: readonly string[];
}

function halves<T>(values: readonly T[]): [T[], T[]] {
  const mid = Math.floor(values.length / 2);
  return [values.slice(0, mid), values.slice(values.length - mid)];
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/** Reasons to trust a measurement less, each with what was done about it or what to do. */
export function qualityFlags(input: FlagInput): QualityFlag[] {
  const flags: QualityFlag[] = [];
  const sides = [input.baseline, ...input.candidates];

  if (input.others.length > 0) {
    flags.push({
      code: 'shared-host',
      message: `measured while ${input.others.join(' and ')} also measured: they compete for the CPU. Run timing specs one file at a time (see \`speedupProject()\`).`,
    });
  }
  if (input.rounds < input.minRounds) {
    flags.push({
      code: 'few-rounds',
      message: `only ${input.rounds} of the planned ${input.minRounds} rounds fit in the time budget: raise maxTimeMs or shrink the workload.`,
    });
  }
  for (const side of sides) {
    if (side.median * side.callsPerSample < SHORTEST_TRUSTED_SAMPLE_MS) {
      flags.push({
        code: 'timer-resolution',
        message: `${side.name}: samples of ${formatDuration(side.median * side.callsPerSample)} are close to the timer's resolution; raise minSampleMs so calls are batched.`,
      });
    }
  }
  for (const side of sides) {
    if (side.cv > NOISY_CV) {
      flags.push({ code: 'noisy', message: `${side.name}: samples vary by ${percent(side.cv)} (sd / mean); pairing cancels shared slowdowns but the interval is wider.` });
    }
  }
  for (const comparison of input.comparisons) {
    if (comparison.outlierRounds.length > 0) {
      flags.push({
        code: 'outliers',
        message: comparison.outliersExcluded
          ? `${comparison.candidate}: ${comparison.outlierRounds.length} of ${input.rounds} rounds excluded as outliers (log ratio with modified z-score > 3.5).`
          : `${comparison.candidate}: ${comparison.outlierRounds.length} of ${input.rounds} rounds lie far from the rest (modified z-score > 3.5): too many to be interference, so all were kept. The host is probably busy; the interval is wider.`,
      });
    }
  }
  if (input.rounds >= 8) {
    for (const side of sides) {
      const [first, second] = halves(side.samples);
      const change = median(second) / median(first) - 1;
      if (Math.abs(change) > SIDE_DRIFT) {
        flags.push({
          code: 'drift',
          message: `${side.name} got ${percent(Math.abs(change))} ${change > 0 ? 'slower' : 'faster'} from the first to the second half of the run; interleaving cancels this in the ratio.`,
        });
      }
    }
    input.comparisons.forEach((comparison, i) => {
      const candidate = input.candidates[i] as SideSummary;
      const ratios = candidate.samples.map((c, round) => (input.baseline.samples[round] as number) / c);
      const [first, second] = halves(ratios);
      const a = median(first);
      const b = median(second);
      if (Math.abs(b / a - 1) > RATIO_DRIFT) {
        flags.push({
          code: 'drift',
          message: `${comparison.candidate}: the speedup moved from ${a.toFixed(2)}x to ${b.toFixed(2)}x between the halves of the run; the machine's state changed the comparison itself.`,
        });
      }
    });
  }
  return flags;
}
