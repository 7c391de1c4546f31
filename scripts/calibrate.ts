/**
 * Verdict-accuracy study: `npm run calibrate [-- --quick] [-- --json out.json]`.
 *
 * Synthetic workloads with a known true speedup (CPU spins of a fixed iteration count, and
 * Atomics.wait sleeps) are judged against thresholds at 0.8x, 1.0x and 1.25x their true ratio,
 * quietly and next to background CPU hogs, by this library's engine and by Vitest 5's built-in
 * bench.compare + toBeFasterThan. A second part measures the error of the speedup estimate under
 * a periodic hog, interleaved (ours) versus naive sequential timing. Not part of `npm test`.
 */
import { availableParallelism, loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resolveMeasureOptions, type MeasureOptions } from '../src/engine/index.ts';
import { startHogs, yieldToEventLoop } from './calibrate/children.ts';
import { runEstimateTrials, summarizeEstimates, type EstimateTrial, type PeriodicSubject } from './calibrate/periodic.ts';
import { evaluateTargets, formatCaseTable, formatEstimateTable, formatTargets, tabulate } from './calibrate/report.ts';
import { measureTrueRatio, LINEAR_TOLERANCE, type TrueRatio } from './calibrate/true-ratio.ts';
import { CLEAR_MAX_TIME_MS, EDGE_MAX_TIME_MS, runCondition, type Subject, type VerdictRecord } from './calibrate/verdicts.ts';
import { VITEST_SOURCE_LINES } from './calibrate/vitest-builtin.ts';
import { runVitestFixture, summarizeFixture, formatFixtureTable, type FixtureRecord } from './calibrate/vitest-fixture.ts';
import { calibrateSpin, specFor, type WorkloadKind } from './calibrate/workloads.ts';

const USAGE = `usage: node scripts/calibrate.ts [--quick] [--json out.json] [--reps N] [--hogs N] [--trials N]
                                [--vitest-fixture | --no-vitest-fixture] [--engine-options JSON]

  --quick              smoke run (1 repetition per case, 3 periodic trials; < 1 min)
  --json <path>        write every verdict, the table and the targets as JSON
  --reps <N>           repetitions per case (default 10, quick 1)
  --hogs <N>           CPU hog processes in the hog conditions (default: available cores)
  --trials <N>         periodic-hog estimate trials (default 20, quick 3)
  --vitest-fixture     also run real Vitest (fixtures/calibrate-vitest) as a cross-check of the
                       in-process reproduction of its built-in comparison (default on, off with --quick)
  --no-vitest-fixture  skip that cross-check
  --engine-options J   measure options (JSON) merged into ours, to try other engine defaults,
                       e.g. '{"minSampleMs":20}'; the study's own maxTimeMs for 1.0x cases still applies`;

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'string' },
    reps: { type: 'string' },
    hogs: { type: 'string' },
    trials: { type: 'string' },
    'vitest-fixture': { type: 'boolean' },
    'no-vitest-fixture': { type: 'boolean' },
    'engine-options': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  allowPositionals: false,
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} must be a positive integer, received ${JSON.stringify(value)}\n\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

let engineOptions: MeasureOptions = {};
if (values['engine-options'] !== undefined) {
  try {
    engineOptions = JSON.parse(values['engine-options']) as MeasureOptions;
    if (typeof engineOptions !== 'object' || engineOptions === null || Array.isArray(engineOptions)) throw new TypeError('not an object');
    resolveMeasureOptions(engineOptions);
  } catch (error) {
    console.error(`--engine-options must be a JSON object of valid measure options: ${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}
const engineOptionsText = Object.keys(engineOptions).length ? ` with --engine-options ${JSON.stringify(engineOptions)}` : '';

const quick = values.quick === true;
const reps = positiveInt('reps', values.reps, quick ? 1 : 10);
const hogCount = positiveInt('hogs', values.hogs, availableParallelism());
const trials = positiveInt('trials', values.trials, quick ? 3 : 20);
const fixture = values['no-vitest-fixture'] ? false : (values['vitest-fixture'] ?? !quick);
const fixtureReps = quick ? 1 : 2;
const KINDS: readonly WorkloadKind[] = ['cpu', 'wait'];
const RATIOS = [1.5, 3] as const;
const CANDIDATE_MS = 1.2;
const PERIOD_MS = 200;

const started = performance.now();
const progress = (line: string): void => {
  process.stderr.write(`[calibrate ${((performance.now() - started) / 1000).toFixed(0).padStart(4)}s] ${line}\n`);
};

const loadAtStart = loadavg();
progress(`Node ${process.version}, ${availableParallelism()} cores, load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}; ${quick ? 'quick' : 'full'} run: ${reps} rep(s) per case, ${hogCount} hog(s), ${trials} periodic trial(s)${fixture ? ', Vitest fixture cross-check' : ''}${engineOptionsText}`);

// 1. Workloads and their true ratios, measured with nothing of ours running.
const spinPerMs = calibrateSpin();
progress(`spin calibration: ${Math.round(spinPerMs).toLocaleString('en-US')} iterations per ms`);
const truePairs = quick ? 150 : 400;
const subjects: Subject[] = [];
const trueRatios: (TrueRatio & { kind: WorkloadKind })[] = [];
for (const kind of KINDS) {
  for (const nominal of RATIOS) {
    await yieldToEventLoop();
    const spec = specFor(kind, nominal, CANDIDATE_MS, spinPerMs);
    const t = measureTrueRatio(spec, nominal, truePairs);
    trueRatios.push({ ...t, kind });
    subjects.push({ kind, nominal, trueRatio: t.value, spec });
    progress(`true ratio ${kind} ${nominal}x: quiet measured ${t.measured.toFixed(3)}x (median of ${t.pairs} pair ratios; IQR ${t.pairQ25.toFixed(3)}-${t.pairQ75.toFixed(3)}, ${t.candidateMs.toFixed(3)} ms vs ${t.baselineMs.toFixed(3)} ms) -> using ${t.source} ${t.value.toFixed(3)}x`);
  }
}

// 2. Verdicts: quiet, then next to `hogCount` busy CPU hogs.
const records: VerdictRecord[] = [];
const fixtureRecords: FixtureRecord[] = [];
records.push(...(await runCondition(subjects, 'quiet', reps, progress, engineOptions)));
if (fixture) fixtureRecords.push(...(await runVitestFixture(subjects, 'quiet', fixtureReps, progress)));

progress(`starting ${hogCount} busy CPU hog(s)`);
const hogs = await startHogs(hogCount, { kind: 'busy' });
try {
  records.push(...(await runCondition(subjects, 'hog', reps, progress, engineOptions)));
  if (fixture) fixtureRecords.push(...(await runVitestFixture(subjects, 'hog', fixtureReps, progress)));
} finally {
  await hogs.stop();
  progress(`stopped CPU hogs ${hogs.pids.join(', ')}`);
}

// 3. Estimate error under a periodic hog (busy/idle every PERIOD_MS), CPU workloads.
const periodicSubjects: PeriodicSubject[] = subjects.filter((s) => s.kind === 'cpu');
progress(`starting ${hogCount} periodic CPU hog(s) (${PERIOD_MS} ms busy / ${PERIOD_MS} ms idle)`);
const periodicHogs = await startHogs(hogCount, { kind: 'periodic', periodMs: PERIOD_MS });
let estimateTrials: EstimateTrial[];
try {
  estimateTrials = await runEstimateTrials(periodicSubjects, trials, !quick, progress, engineOptions);
} finally {
  await periodicHogs.stop();
  progress(`stopped periodic hogs ${periodicHogs.pids.join(', ')}`);
}

// 4. Report.
const rows = tabulate(records);
const estimates = summarizeEstimates(estimateTrials);
const targets = evaluateTargets(rows, estimates);
const totalSeconds = (performance.now() - started) / 1000;
const oursCount = records.filter((r) => r.tool === 'ours').length;
const vitestRuns = new Set(records.filter((r) => r.tool === 'vitest').map((r) => r.run)).size;

const out: string[] = [];
out.push(`vitest-speedup verdict-accuracy study (${quick ? 'QUICK smoke run' : 'full run'}${engineOptionsText}), ${new Date().toISOString()}`);
out.push(`Node ${process.version}, ${availableParallelism()} cores, load average at start ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}, at end ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${totalSeconds.toFixed(0)} s`);
out.push('');
out.push('Workloads (candidate ~1.2 ms; baseline does r times the work):');
out.push(`  cpu : xorshift32 for a fixed iteration count, ${Math.round(spinPerMs).toLocaleString('en-US')} iterations/ms calibrated at start`);
out.push('  wait: Atomics.wait on a SharedArrayBuffer for a fixed number of ms');
for (const t of trueRatios) {
  out.push(`  ${t.kind.padEnd(4)} nominal ${t.nominal.toFixed(2)}x: quiet measured ${t.measured.toFixed(3)}x = median of ${t.pairs} pair ratios (95% CI ${t.medianCi[0].toFixed(3)}-${t.medianCi[1].toFixed(3)}, IQR ${t.pairQ25.toFixed(3)}-${t.pairQ75.toFixed(3)}; ratio of medians ${t.ratioOfMedians.toFixed(3)}, ${t.candidateMs.toFixed(3)} vs ${t.baselineMs.toFixed(3)} ms) -> true = ${t.source} ${t.value.toFixed(3)}x`);
}
out.push(`  (true = the work ratio when the quiet measurement is within ${(LINEAR_TOLERANCE * 100).toFixed(0)}% of it or its 95% CI contains it, i.e. the loop is linear as far as`);
out.push('   this machine can tell; otherwise the quiet measured ratio, as for the waits, which the OS ends ~0.1 ms late)');
out.push('');
out.push(`Conditions: quiet = no hog of ours (other processes on the machine still run); hog = ${hogCount} child process(es) spinning \`for(;;)\` on ${availableParallelism()} cores.`);
out.push(`Ours: measureSpeedup(candidate, baseline, { criterion: { kind: 'atLeast', k }, maxTimeMs }) with engine defaults${engineOptionsText ? ` (overridden: ${JSON.stringify(engineOptions)})` : ''}, except maxTimeMs = ${EDGE_MAX_TIME_MS} for the 1.0x cases (default ${CLEAR_MAX_TIME_MS} for 0.8x / 1.25x).`);
out.push(`Vitest (V columns): bench.compare(bench('candidate', c), bench('baseline', b)) run as Vitest 5's default provider runs tinybench 6 (time 1000 ms, iterations 64, warmupTime 250 ms, warmupIterations 16, sequential),`);
out.push('  then expect(candidate).toBeFasterThan(baseline, { delta: 1 - 1/k }), from the source:');
for (const line of VITEST_SOURCE_LINES) out.push(`    ${line}`);
out.push('  i.e. pass iff mean(candidate) < mean(baseline) * (1 - delta)  <=>  mean(baseline) / mean(candidate) > 1 / (1 - delta) = k.');
out.push(`  One bench.compare is judged at all three thresholds (its result does not depend on k); ${vitestRuns} runs. It has no "inconclusive".`);
out.push('');
out.push(`Verdicts: ${oursCount} ours, ${records.length - oursCount} Vitest. false-fail = fail at 0.8x (true >= 1.25x threshold); false-pass = pass at 1.25x (true <= 0.8x threshold);`);
out.push('at 1.0x any split is acceptable. est/true = median estimate / true ratio. Times are time to verdict (Vitest: the whole bench.compare).');
out.push('');
out.push(formatCaseTable(rows));
out.push('');
out.push(`Estimate error under a periodic hog (${hogCount} hog(s), ${PERIOD_MS} ms busy / ${PERIOD_MS} ms idle), cpu workloads ${periodicSubjects.map((s) => `${s.trueRatio.toFixed(2)}x`).join(' and ')} alternating, |estimate / true - 1|:`);
out.push(`ours = measureSpeedup with ${engineOptionsText ? `options ${JSON.stringify(engineOptions)}` : 'all defaults'} and no criterion (default: stops at +-2% precision or 5 s); naive = time one side for half of the same total time, then the other (random order)${quick ? '' : '; naive 2 s = the same with 2 s in all'}.`);
out.push(formatEstimateTable(estimates));
if (fixture) {
  out.push('');
  out.push('Cross-check with real Vitest (fixtures/calibrate-vitest: `vitest bench`, bench.compare + expect().toBeFasterThan in a bench test):');
  out.push(formatFixtureTable(summarizeFixture(fixtureRecords, records)));
}
out.push('');
out.push('Targets:');
out.push(formatTargets(targets));
if (quick) out.push('\n(quick smoke run: too few verdicts per case for the rates to mean much; run without --quick for the study.)');
console.log(out.join('\n'));

if (values.json) {
  writeFileSync(
    values.json,
    `${JSON.stringify(
      {
        quick,
        node: process.version,
        cores: availableParallelism(),
        loadAverageAtStart: loadAtStart,
        seconds: totalSeconds,
        settings: { engineOptions, reps, hogCount, trials, candidateMs: CANDIDATE_MS, periodMs: PERIOD_MS, clearMaxTimeMs: CLEAR_MAX_TIME_MS, edgeMaxTimeMs: EDGE_MAX_TIME_MS, spinPerMs },
        trueRatios,
        rows,
        estimates,
        targets,
        verdicts: records,
        estimateTrials,
        vitestFixture: fixtureRecords,
      },
      null,
      2,
    )}\n`,
  );
  progress(`wrote ${values.json}`);
}
