import { createHash } from 'node:crypto';
import type { HostFacts, ParallelCeiling } from '../host/types.ts';
import { isObject } from '../report/check.ts';
import type { Issues } from '../report/check.ts';

/**
 * The fingerprint of the machine a speedup was measured on. A speedup is a property of the code
 * and of the host (2 cores cannot give 3x), so stored speedups are only compared on the same
 * testbed: two fingerprints are the same testbed when every field matches, which is exactly when
 * their ids match.
 */
export interface Testbed {
  /** Stable short hash of the other fields (12 hex digits). */
  readonly id: string;
  /** CPUs this process can use (affinity and cgroup quota included). */
  readonly effectiveCores: number;
  /**
   * The measured parallel ceiling rounded into a band of width 0.25, e.g. `1.75-2.00`, so that
   * run-to-run noise in the ceiling rarely changes the fingerprint; `unmeasured` without one.
   */
  readonly ceilingBand: string;
  readonly cpuModel: string;
  /** Major version of Node, e.g. 24. */
  readonly nodeMajor: number;
  /** `platform-arch`, e.g. `linux-x64`. */
  readonly os: string;
}

/** The fields of a {@link Testbed} without its id. */
export type TestbedFields = Omit<Testbed, 'id'>;

/** Width of a ceiling band. */
export const CEILING_BAND_WIDTH = 0.25;

/**
 * The band of width 0.25 that holds a parallel ceiling, as `lower-upper` with two decimals:
 * `floor(ceiling * 4) / 4` to that plus 0.25. A ceiling cannot exceed the effective cores, so it is
 * clamped just below them first: a ceiling measured at 2.03 or exactly 2.00 on 2 cores falls in
 * `1.75-2.00` like 1.93 does, instead of flipping the fingerprint at the most common value.
 *
 * @example
 * ```ts
 * ceilingBand(1.93, 2); // "1.75-2.00"
 * ceilingBand(1.2, 4);  // "1.00-1.25"
 * ```
 */
export function ceilingBand(ceiling: number, effectiveCores: number): string {
  if (!Number.isFinite(ceiling) || ceiling <= 0) {
    throw new RangeError(`ceilingBand(ceiling, effectiveCores): ceiling must be a positive finite number, received ${String(ceiling)}.`);
  }
  const clamped = Math.min(ceiling, effectiveCores - 1e-9);
  const steps = 1 / CEILING_BAND_WIDTH;
  const lower = Math.max(0, Math.floor(clamped * steps) / steps);
  return `${lower.toFixed(2)}-${(lower + CEILING_BAND_WIDTH).toFixed(2)}`;
}

/** The stable id of a testbed's fields: the first 12 hex digits of a SHA-256 of their canonical form. */
export function testbedId(fields: TestbedFields): string {
  const canonical = JSON.stringify([fields.effectiveCores, fields.ceilingBand, fields.cpuModel, fields.nodeMajor, fields.os]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 12);
}

/** Builds a testbed (computing its id) from its readable fields. */
export function makeTestbed(fields: TestbedFields): Testbed {
  const { effectiveCores, ceilingBand: band, cpuModel, nodeMajor, os } = fields;
  const clean: TestbedFields = { effectiveCores, ceilingBand: band, cpuModel, nodeMajor, os };
  return { id: testbedId(clean), ...clean };
}

/**
 * Fingerprints this host from its facts and (optionally) its measured parallel ceiling.
 *
 * @example
 * ```ts
 * const testbed = testbedFromHost(getHostFacts(), await measureParallelCeiling());
 * // { id: '3f0c2a9b1d4e', effectiveCores: 2, ceilingBand: '1.75-2.00',
 * //   cpuModel: 'Intel(R) Xeon(R) Processor', nodeMajor: 24, os: 'linux-x64' }
 * ```
 */
export function testbedFromHost(facts: HostFacts, ceiling?: ParallelCeiling): Testbed {
  const major = Number(/^v?(\d+)/.exec(facts.nodeVersion)?.[1] ?? Number.NaN);
  return makeTestbed({
    effectiveCores: facts.effectiveCores,
    ceilingBand: ceiling === undefined ? 'unmeasured' : ceilingBand(ceiling.ceiling, facts.effectiveCores),
    cpuModel: facts.cpuModel,
    nodeMajor: major,
    os: `${facts.platform}-${facts.arch}`,
  });
}

/** True when two fingerprints describe the same testbed: every field matches. */
export function sameTestbed(a: TestbedFields, b: TestbedFields): boolean {
  return (
    a.effectiveCores === b.effectiveCores &&
    a.ceilingBand === b.ceilingBand &&
    a.cpuModel === b.cpuModel &&
    a.nodeMajor === b.nodeMajor &&
    a.os === b.os
  );
}

/**
 * One line describing a testbed, for reports and messages.
 *
 * @example
 * ```ts
 * formatTestbed(testbed);
 * // "2 cores, ceiling 1.75-2.00x, Intel(R) Xeon(R) Processor, Node 24, linux-x64 (testbed 3f0c2a9b1d4e)"
 * ```
 */
export function formatTestbed(testbed: Testbed): string {
  const ceiling = testbed.ceilingBand === 'unmeasured' ? 'ceiling unmeasured' : `ceiling ${testbed.ceilingBand}x`;
  const cores = `${testbed.effectiveCores} core${testbed.effectiveCores === 1 ? '' : 's'}`;
  return `${cores}, ${ceiling}, ${testbed.cpuModel}, Node ${testbed.nodeMajor}, ${testbed.os} (testbed ${testbed.id})`;
}

/** The fields of two testbeds that differ, as `field: a vs b`, for "not compared" messages. */
export function testbedDifferences(a: TestbedFields, b: TestbedFields): string[] {
  const keys = ['effectiveCores', 'ceilingBand', 'cpuModel', 'nodeMajor', 'os'] as const;
  return keys.filter((key) => a[key] !== b[key]).map((key) => `${key} ${JSON.stringify(a[key])} vs ${JSON.stringify(b[key])}`);
}

/**
 * Checks a parsed testbed object, recording problems in `issues` (see src/report/check.ts),
 * including an id that does not match the fields (a hand-edited fingerprint).
 */
export function checkTestbed(issues: Issues, value: unknown, path: string): value is Testbed {
  if (!isObject(value)) {
    issues.add(path, 'a testbed object { id, effectiveCores, ceilingBand, cpuModel, nodeMajor, os }', value);
    return false;
  }
  const before = issues.list.length;
  issues.string(value, 'id', path, { nonEmpty: true });
  issues.number(value, 'effectiveCores', path, { positive: true });
  if (issues.string(value, 'ceilingBand', path, { nonEmpty: true }) && !/^(\d+\.\d\d-\d+\.\d\d|unmeasured)$/.test(value.ceilingBand as string)) {
    issues.add(`${path}.ceilingBand`, 'a band like "1.75-2.00" or "unmeasured"', value.ceilingBand);
  }
  issues.string(value, 'cpuModel', path);
  issues.number(value, 'nodeMajor', path, { positive: true, integer: true });
  issues.string(value, 'os', path, { nonEmpty: true });
  if (issues.list.length > before) return false;
  const expected = testbedId(value as unknown as TestbedFields);
  if (value.id !== expected) {
    issues.note(`${path}.id`, `${JSON.stringify(value.id)} does not match the testbed's fields (their id is "${expected}"): the fingerprint was edited by hand`);
    return false;
  }
  return true;
}
