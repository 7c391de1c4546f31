/** Whether baselines may be (re)written, and whether this is a CI run. */
export interface BaselineMode {
  /** Re-record every checked entry. */
  readonly update: boolean;
  /** CI: a missing baseline is an error and nothing is written unless `update` is set. */
  readonly ci: boolean;
  /** What turned update mode on: `VITEST_SPEEDUP_UPDATE=1` or `vitest -u`. */
  readonly updateSource?: 'VITEST_SPEEDUP_UPDATE' | 'vitest -u';
}

/** The part of Vitest's `expect.getState().snapshotState` that says whether `-u` was given. */
export interface SnapshotStateLike {
  /** `all` with `vitest -u` (or `UPDATE_SNAPSHOT=all`); `new` locally and `none` in CI otherwise. */
  readonly snapshotUpdateState?: string;
}

/** Options of {@link resolveBaselineMode}. */
export interface BaselineModeOptions {
  /** Default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Vitest's snapshot state, `expect.getState().snapshotState` inside a test. When omitted, the
   * state of the global `expect` of the running test is looked up (there is none outside a
   * Vitest worker, and then only the environment counts).
   */
  readonly snapshotState?: SnapshotStateLike | null;
}

const TRUE = new Set(['1', 'true', 'yes']);
const FALSE = new Set(['0', 'false', 'no', '']);

/**
 * Resolves update and CI mode for baselines:
 * - `update` is on with `VITEST_SPEEDUP_UPDATE=1` (or `true`), or when Vitest runs with `-u` /
 *   `--update` (seen in a test worker as `expect.getState().snapshotState.snapshotUpdateState ===
 *   'all'`, which Vitest also sets for `UPDATE_SNAPSHOT=all`). `VITEST_SPEEDUP_UPDATE=0` turns it
 *   off even with `-u`, to update snapshots without touching speedup baselines.
 * - `ci` is on when `CI` is set to anything but `0`/`false` (GitHub Actions, GitLab CI and most
 *   others set `CI=true`).
 *
 * @example
 * ```ts
 * const { update, ci } = resolveBaselineMode({ snapshotState: expect.getState().snapshotState });
 * ```
 */
export function resolveBaselineMode(options: BaselineModeOptions = {}): BaselineMode {
  const env = options.env ?? process.env;
  const ci = env.CI !== undefined && !FALSE.has(env.CI.trim().toLowerCase());
  const flag = env.VITEST_SPEEDUP_UPDATE?.trim().toLowerCase();
  if (flag !== undefined && TRUE.has(flag)) return { update: true, ci, updateSource: 'VITEST_SPEEDUP_UPDATE' };
  if (flag !== undefined && FALSE.has(flag) && flag !== '') return { update: false, ci };
  const state = options.snapshotState === undefined ? globalSnapshotState() : options.snapshotState;
  if (state?.snapshotUpdateState === 'all') return { update: true, ci, updateSource: 'vitest -u' };
  return { update: false, ci };
}

/**
 * The snapshot state of the running test, through the global `expect` Vitest keeps under
 * `Symbol.for('expect-global')` (also without `globals: true`). Undefined outside a test.
 */
function globalSnapshotState(): SnapshotStateLike | undefined {
  const expect = (globalThis as Record<symbol, unknown>)[Symbol.for('expect-global')] as { getState?: () => { snapshotState?: SnapshotStateLike } } | undefined;
  try {
    return expect?.getState?.()?.snapshotState;
  } catch {
    return undefined;
  }
}
