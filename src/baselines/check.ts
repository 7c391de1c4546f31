import { alignTable, formatSpeedup, formatTimes } from '../report/format.ts';
import { checkTolerance, classifyChange, DEFAULT_TOLERANCE } from './classify.ts';
import { emptyBaselineFile, readBaselineFile, writeBaselineFile } from './file.ts';
import type { BaselineFile, BaselineRecord } from './file.ts';
import { resolveBaselineMode } from './mode.ts';
import { formatTestbed, testbedDifferences } from './testbed.ts';
import type { Testbed } from './testbed.ts';

/** A measured speedup to check: a `RatioInterval` or any `{ estimate, lower, upper, level }`. */
export interface SpeedupLike {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
}

/**
 * How an entry stands against its baseline:
 * - `ok`: within tolerance (or a regression that a re-measurement did not confirm);
 * - `regressed`: the whole interval lies below baseline x (1 - tolerance);
 * - `improved`: the whole interval lies above baseline x (1 + tolerance);
 * - `new`: no baseline yet; recorded now (outside CI, or with update);
 * - `other-testbed`: baselines exist only for other testbeds, so nothing was compared;
 * - `missing`: no baseline in CI, where one is required and never written silently.
 */
export type BaselineStatus = 'ok' | 'regressed' | 'improved' | 'new' | 'other-testbed' | 'missing';

/** The result for one entry. */
export interface BaselineEntryResult {
  readonly name: string;
  readonly status: BaselineStatus;
  /** The measurement the status is based on (the re-measurement, when a regression was re-checked). */
  readonly current: SpeedupLike;
  /** The stored baseline of this testbed, if there was one. */
  readonly baseline?: BaselineRecord;
  /** Testbeds that have a baseline for this entry, when this one has none. */
  readonly otherTestbeds?: readonly Testbed[];
  /** Set when a first measurement regressed and was measured again. */
  readonly confirmation?: { readonly first: SpeedupLike; readonly second: SpeedupLike; readonly confirmed: boolean };
  /** The current measurement was written as this testbed's baseline. */
  readonly recorded: boolean;
  /** One sentence saying what happened and, for failures, what to do. */
  readonly message: string;
}

/** The result of {@link checkAgainstBaseline}. */
export interface BaselineCheckResult {
  readonly file: string;
  readonly key: string;
  readonly testbed: Testbed;
  readonly tolerance: number;
  readonly update: boolean;
  readonly ci: boolean;
  /** One result per entry of `speedups`, in the same order. */
  readonly entries: readonly BaselineEntryResult[];
  /** No confirmed regression and no missing baseline (with `update`, always true). */
  readonly passed: boolean;
  /** The baseline file was written. */
  readonly written: boolean;
}

/** Options of {@link checkAgainstBaseline}. */
export interface CheckBaselineOptions {
  /** The baseline file (JSON); created when first recorded. */
  readonly file: string;
  /** The group's key in the file, e.g. the spec or bench name. */
  readonly key: string;
  /** This host's fingerprint (`testbedFromHost`). */
  readonly testbed: Testbed;
  /** The measured speedups, by entry name. */
  readonly speedups: Readonly<Record<string, SpeedupLike>>;
  /** Fraction a speedup may lose before it counts as regressed. Default 0.1 (10%). */
  readonly tolerance?: number;
  /**
   * Re-measures once when something regressed; a regression only counts if the re-measurement
   * regresses too. Must return speedups for (at least) the regressed entries.
   */
  readonly confirm?: () => Promise<Readonly<Record<string, SpeedupLike>>>;
  /** Re-record every entry. Default: {@link resolveBaselineMode} (`VITEST_SPEEDUP_UPDATE=1` or `vitest -u`). */
  readonly update?: boolean;
  /** CI mode: a missing baseline is an error, nothing is written without `update`. Default: `CI` env. */
  readonly ci?: boolean;
  /** Clock for `recordedAt`; default `() => new Date()`. */
  readonly now?: () => Date;
}

/**
 * Checks measured speedups against the baselines stored for this testbed, records what should be
 * recorded and says, per entry, what happened.
 *
 * - Only baselines of the same testbed are compared; if only other testbeds have one, the entry
 *   is `other-testbed` and the message names the testbeds and how they differ.
 * - A regression (the whole interval below baseline x (1 - tolerance)) is re-measured once with
 *   `confirm` when given, and only counts if the re-measurement regresses too.
 * - Writing is explicit: existing baselines change only with `update`. Outside CI a missing
 *   baseline is recorded (`new`); in CI it is an error (`missing`) and nothing is written.
 * - The file is read (and validated) first and re-read just before writing, and written
 *   atomically; a file that fails to parse is never overwritten: the error names it and says
 *   what to do.
 *
 * @throws SpeedupFileError for an unusable baseline file (nothing is written); TypeError/RangeError for bad options.
 * @example
 * ```ts
 * const result = await checkAgainstBaseline({
 *   file: 'speedup-baselines.json',
 *   key: 'sieve',
 *   testbed: testbedFromHost(getHostFacts(), ceiling),
 *   speedups: { 'piscina(2)': comparison.interval },
 *   confirm: async () => ({ 'piscina(2)': (await measureAgain()).comparisons[0].interval }),
 * });
 * if (!result.passed) throw new Error(formatBaselineCheck(result));
 * ```
 */
export async function checkAgainstBaseline(options: CheckBaselineOptions): Promise<BaselineCheckResult> {
  const where = 'checkAgainstBaseline(options)';
  if (typeof options?.file !== 'string' || options.file === '') throw new TypeError(`${where}: options.file must be a non-empty string (a path).`);
  if (typeof options.key !== 'string' || options.key === '') throw new TypeError(`${where}: options.key must be a non-empty string.`);
  if (typeof options.testbed?.id !== 'string') throw new TypeError(`${where}: options.testbed must be a Testbed (see testbedFromHost).`);
  const names = Object.keys(options.speedups ?? {});
  for (const name of names) checkSpeedup(where, `options.speedups[${JSON.stringify(name)}]`, options.speedups[name]);
  const tolerance = checkTolerance(where, options.tolerance ?? DEFAULT_TOLERANCE);
  const mode = options.update === undefined || options.ci === undefined ? resolveBaselineMode() : undefined;
  const update = options.update ?? mode?.update ?? false;
  const ci = options.ci ?? mode?.ci ?? false;
  const { file, key, testbed } = options;
  const now = options.now ?? (() => new Date());

  const stored = (await readBaselineFile(file)) ?? emptyBaselineFile();
  const own = stored.baselines[testbed.id]?.[key] ?? {};

  // First pass: compare with this testbed's baselines.
  const draft = new Map<string, { status: BaselineStatus; current: SpeedupLike; baseline?: BaselineRecord }>();
  for (const name of names) {
    const current = options.speedups[name] as SpeedupLike;
    const baseline = own[name];
    draft.set(name, baseline === undefined ? { status: 'new', current } : { status: classifyChange(current, baseline.estimate, tolerance), current, baseline });
  }

  // A regression counts only if a second measurement regresses too (not when re-recording anyway).
  const confirmations = new Map<string, BaselineEntryResult['confirmation']>();
  const regressed = names.filter((name) => draft.get(name)?.status === 'regressed');
  if (regressed.length > 0 && options.confirm !== undefined && !update) {
    const again = await options.confirm();
    for (const name of regressed) {
      const second = again?.[name];
      checkSpeedup(`${where}: options.confirm()`, `its result[${JSON.stringify(name)}]`, second);
      const entry = draft.get(name) as { status: BaselineStatus; current: SpeedupLike; baseline: BaselineRecord };
      const status = classifyChange(second, entry.baseline.estimate, tolerance);
      confirmations.set(name, { first: entry.current, second, confirmed: status === 'regressed' });
      draft.set(name, { ...entry, status, current: second });
    }
  }

  const entries: BaselineEntryResult[] = [];
  const toRecord: [string, SpeedupLike][] = [];
  for (const name of names) {
    const { status, current, baseline } = draft.get(name) as { status: BaselineStatus; current: SpeedupLike; baseline?: BaselineRecord };
    const confirmation = confirmations.get(name);
    if (baseline !== undefined) {
      if (update) toRecord.push([name, current]);
      entries.push({
        name,
        status,
        current,
        baseline,
        ...(confirmation === undefined ? {} : { confirmation }),
        recorded: update,
        message: comparedMessage(name, status, current, baseline, tolerance, confirmation, update),
      });
      continue;
    }
    const others = otherTestbeds(stored, testbed, key, name);
    const record = update || !ci;
    if (record) toRecord.push([name, current]);
    if (others.length > 0) {
      entries.push({ name, status: 'other-testbed', current, otherTestbeds: others, recorded: record, message: otherTestbedMessage(name, testbed, others, record, file) });
    } else if (record) {
      entries.push({ name, status: 'new', current, recorded: true, message: `${name}: no baseline yet; recorded ${formatSpeedup(current)}.` });
    } else {
      entries.push({
        name,
        status: 'missing',
        current,
        recorded: false,
        message:
          `${name}: no baseline for key "${key}" on testbed ${testbed.id} in ${file}, and in CI a missing baseline is an error ` +
          `(nothing was written). Record it on this testbed with VITEST_SPEEDUP_UPDATE=1 and commit ${file}.`,
      });
    }
  }

  let written = false;
  if (toRecord.length > 0) {
    await record(file, key, testbed, toRecord, now().toISOString());
    written = true;
  }
  const passed = entries.every((entry) => entry.status !== 'missing' && (entry.status !== 'regressed' || entry.recorded));
  return { file, key, testbed, tolerance, update, ci, entries, passed, written };
}

function checkSpeedup(where: string, what: string, value: unknown): asserts value is SpeedupLike {
  const ok =
    typeof value === 'object' &&
    value !== null &&
    ['estimate', 'lower', 'upper', 'level'].every((field) => {
      const number = (value as Record<string, unknown>)[field];
      return typeof number === 'number' && Number.isFinite(number) && number > 0;
    });
  if (!ok) throw new TypeError(`${where}: ${what} must be a speedup { estimate, lower, upper, level } of positive numbers (a RatioInterval).`);
}

function threshold(baseline: BaselineRecord, factor: number): string {
  return formatTimes(baseline.estimate * factor);
}

function comparedMessage(
  name: string,
  status: BaselineStatus,
  current: SpeedupLike,
  baseline: BaselineRecord,
  tolerance: number,
  confirmation: BaselineEntryResult['confirmation'],
  update: boolean,
): string {
  const percent = `${Math.round(tolerance * 100)}%`;
  const against = `baseline ${formatTimes(baseline.estimate)} (recorded ${baseline.recordedAt})`;
  let message: string;
  if (status === 'regressed') {
    message = `${name}: regressed: ${formatSpeedup(current)} lies wholly below ${threshold(baseline, 1 - tolerance)} (${against} minus ${percent})`;
    if (confirmation !== undefined) message += `; confirmed by a re-measurement (first ${formatSpeedup(confirmation.first)})`;
  } else if (status === 'improved') {
    message = `${name}: improved: ${formatSpeedup(current)} lies wholly above ${threshold(baseline, 1 + tolerance)} (${against} plus ${percent})`;
    if (!update) message += '; re-record with VITEST_SPEEDUP_UPDATE=1 to raise the baseline';
  } else {
    message = `${name}: ok: ${formatSpeedup(current)} against ${against}, tolerance ${percent}`;
  }
  if (confirmation !== undefined && !confirmation.confirmed) {
    message += `; a first measurement of ${formatSpeedup(confirmation.first)} regressed, but the re-measurement did not confirm it`;
  }
  return `${message}${update ? '; baseline updated' : ''}.`;
}

function otherTestbeds(stored: BaselineFile, testbed: Testbed, key: string, name: string): Testbed[] {
  const others: Testbed[] = [];
  for (const [id, keys] of Object.entries(stored.baselines)) {
    if (id === testbed.id || keys[key]?.[name] === undefined) continue;
    const other = stored.testbeds[id];
    if (other !== undefined) others.push(other);
  }
  return others;
}

function otherTestbedMessage(name: string, testbed: Testbed, others: readonly Testbed[], recorded: boolean, file: string): string {
  const described = others.map((other) => `${other.id} (${testbedDifferences(other, testbed).join(', ')})`).join('; ');
  const next = recorded
    ? `recorded ${name} for this testbed (${testbed.id})`
    : `record one on this testbed with VITEST_SPEEDUP_UPDATE=1 and commit ${file}`;
  return `${name}: not compared: ${file} has baselines for it only from other testbeds: ${described}. Speedups depend on the host; ${next}.`;
}

/** Re-reads the file (another process may have written since), applies our entries and writes atomically. */
async function record(file: string, key: string, testbed: Testbed, entries: readonly [string, SpeedupLike][], recordedAt: string): Promise<void> {
  const fresh = (await readBaselineFile(file)) ?? emptyBaselineFile();
  const forTestbed = { ...fresh.baselines[testbed.id] };
  const forKey = { ...forTestbed[key] };
  for (const [name, speedup] of entries) {
    forKey[name] = { estimate: speedup.estimate, lower: speedup.lower, upper: speedup.upper, level: speedup.level, recordedAt };
  }
  forTestbed[key] = forKey;
  const { id, effectiveCores, ceilingBand, cpuModel, nodeMajor, os } = testbed;
  await writeBaselineFile(file, {
    ...fresh,
    testbeds: { ...fresh.testbeds, [id]: { id, effectiveCores, ceilingBand, cpuModel, nodeMajor, os } },
    baselines: { ...fresh.baselines, [id]: forTestbed },
  });
}

/**
 * The result of a baseline check as aligned text: a heading with file, key, testbed and
 * tolerance, one row per entry (entry, status, measured, baseline), each entry's message, and
 * the outcome (`passed`, or `FAILED: 1 regressed, 1 missing`).
 */
export function formatBaselineCheck(result: BaselineCheckResult): string {
  const rows = result.entries.map((entry) => [
    entry.name,
    entry.status,
    formatSpeedup(entry.current),
    entry.baseline === undefined ? '-' : formatTimes(entry.baseline.estimate),
  ]);
  const heading =
    `Speedup baselines: ${result.file}, key "${result.key}", tolerance ${Math.round(result.tolerance * 100)}%` +
    `${result.update ? ', updating' : ''}${result.ci ? ', CI' : ''}\n  on ${formatTestbed(result.testbed)}`;
  return [
    heading,
    ...alignTable([['entry', 'status', 'measured [CI]', 'baseline'], ...rows], ['left', 'left', 'left', 'right'], '  '),
    ...result.entries.map((entry) => `  ${entry.message}`),
    `  ${result.passed ? 'passed' : `FAILED: ${failures(result)}`}${result.written ? `; wrote ${result.file}` : ''}`,
  ].join('\n');
}

function failures(result: BaselineCheckResult): string {
  const regressed = result.entries.filter((entry) => entry.status === 'regressed' && !entry.recorded).length;
  const missing = result.entries.filter((entry) => entry.status === 'missing').length;
  return [regressed > 0 ? `${regressed} regressed` : '', missing > 0 ? `${missing} missing` : ''].filter(Boolean).join(', ');
}
