import { formatDuration } from '../engine/format-duration.ts';
import type { Criterion, SideSummary } from '../engine/types.ts';
import type { RatioInterval } from '../stats/ratio-interval.ts';
import type { Evidence } from './evaluate.ts';

const ratio = (x: number): string => `${x.toFixed(2)}x`;

export function formatInterval(interval: RatioInterval): string {
  return `${ratio(interval.estimate)} [${ratio(interval.lower)}, ${ratio(interval.upper)}]`;
}

/** ">= 3.00x", "<= 1.10x", "within [0.90x, 1.10x]". */
export function expectedText(criterion: Criterion): string {
  switch (criterion.kind) {
    case 'atLeast':
      return `>= ${ratio(criterion.k)}`;
    case 'atMost':
      return `<= ${ratio(criterion.k)}`;
    case 'within':
      return `within [${ratio(criterion.lo)}, ${ratio(criterion.hi)}]`;
  }
}

function claim(criterion: Criterion): string {
  switch (criterion.kind) {
    case 'atLeast':
      return `at least ${ratio(criterion.k)}`;
    case 'atMost':
      return `at most ${ratio(criterion.k)}`;
    case 'within':
      return `within [${ratio(criterion.lo)}, ${ratio(criterion.hi)}]`;
  }
}

function confidenceText(evidence: Evidence): string {
  const confidence = evidence.kind === 'paired' ? evidence.measurement.confidence : evidence.confidence;
  return `${+(confidence * 100).toFixed(2)}% CI`;
}

export interface MessageInput {
  readonly hint: string;
  readonly isNot: boolean;
  readonly criterion: Criterion;
  /** How a host-relative threshold was derived ("0.80 x 2 effective cores"), or empty. */
  readonly derivation: string;
  readonly evidence: Evidence;
  readonly host: string;
}

/** The one-sentence verdict with numbers: the line a person reads first. */
export function verdictSentence(input: MessageInput): string {
  const { evidence, criterion, isNot } = input;
  const subject = `the speedup of ${evidence.candidate} over ${evidence.baseline}`;
  const measured = `${formatInterval(evidence.interval)} (${confidenceText(evidence)})`;
  if (evidence.verdict === 'inconclusive') {
    return `Inconclusive: could not tell whether ${subject} is ${claim(criterion)}: the interval ${measured} straddles the threshold.`;
  }
  if (isNot) return `Expected ${subject} not to be ${claim(criterion)}, but measured ${measured}.`;
  return `Expected ${subject} to be ${claim(criterion)}, but measured ${measured}.`;
}

function detailLines(evidence: Evidence): string[] {
  if (evidence.kind === 'unpaired') {
    const b = evidence.baselineResult.latency;
    const c = evidence.candidateResult.latency;
    return [
      `Samples:  ${evidence.baseline} ${b.samplesCount}, ${evidence.candidate} ${c.samplesCount} (unpaired BenchResults)`,
      `Mean:     ${evidence.baseline} ${formatDuration(b.mean)}, ${evidence.candidate} ${formatDuration(c.mean)} per call`,
      'Note:     BenchResults carry no paired samples: the two were measured one after the other, so drift between',
      '          them is not cancelled and the interval assumes the machine did not change. Pass the two functions',
      '          instead for a paired, interleaved verdict.',
    ];
  }
  const m = evidence.measurement;
  const perLook = +((1 - (1 - m.confidence) / m.plannedLooks) * 100).toFixed(2);
  const candidate = m.candidates[0];
  return [
    `Rounds:   ${m.rounds} measured after ${m.warmupRounds} warm-up, ${m.looks} of up to ${m.plannedLooks} looks (each at ${perLook}%), stopped: ${m.stopReason} after ${formatDuration(m.elapsedMs)}`,
    `Median:   ${sideText(m.baseline)}, ${candidate ? sideText(candidate) : '?'} per call`,
    ...(m.flags.length === 0 ? ['Quality:  no flags'] : ['Quality:', ...m.flags.map((f) => `  - ${f.code}: ${f.message}`)]),
  ];
}

function sideText(side: SideSummary): string {
  const batch = side.callsPerSample > 1 ? `, ${side.callsPerSample} calls per sample` : '';
  return `${side.name} ${formatDuration(side.median)} (cv ${Math.round(side.cv * 100)}%${batch})`;
}

function advice(evidence: Evidence): string[] {
  if (evidence.verdict !== 'inconclusive') return [];
  return [
    '',
    'To reach a verdict: give it more time (maxTimeMs), state a threshold further from the true speedup, or run on a quieter',
    "host. To skip instead of failing when this happens, pass { onInconclusive: 'skip' }.",
  ];
}

/** The whole failure message: hint, verdict sentence, Expected/Received, rounds, medians, flags, host. */
export function failureMessage(input: MessageInput): string {
  const expected = `${input.isNot ? 'not ' : ''}${expectedText(input.criterion)}${input.derivation ? ` (${input.derivation})` : ''}`;
  return [
    input.hint,
    '',
    verdictSentence(input),
    '',
    `Expected: ${expected}`,
    `Received: ${formatInterval(input.evidence.interval)}`,
    '',
    ...detailLines(input.evidence),
    `Host:     ${input.host}`,
    ...advice(input.evidence),
  ].join('\n');
}

export interface UnreachableInput {
  readonly hint: string;
  readonly criterion: Criterion;
  readonly derivation: string;
  readonly required: number;
  readonly ceiling: number;
  readonly host: string;
}

/** The message for a threshold this host cannot reach whatever the code does. */
export function unreachableMessage(input: UnreachableInput): string {
  return [
    input.hint,
    '',
    `Unreachable on this host: the claim needs a CPU-parallel speedup of ${ratio(input.required)}, but this host's measured parallel ceiling is ${ratio(input.ceiling)}.`,
    '',
    `Expected: ${expectedText(input.criterion)}${input.derivation ? ` (${input.derivation})` : ''}`,
    `Ceiling:  ${ratio(input.ceiling)}`,
    `Host:     ${input.host}`,
    '',
    "Nothing was measured. Use a host-relative threshold such as ceiling(0.85) or cores(0.7), run on a host with more cores,",
    "or pass { onUnreachable: 'skip' } to skip this spec on hosts like this one.",
  ].join('\n');
}
