import { readFileSync } from 'node:fs';
import { availableParallelism as osAvailableParallelism } from 'node:os';
import { join } from 'node:path';
import type { CpuLimitSources } from './types.ts';

/** Options for {@link getCpuLimits}. */
export interface CpuLimitOptions {
  /**
   * Filesystem root under which `proc/` and `sys/fs/cgroup/` are read. Default `"/"`.
   * Tests point it at a fixture directory that mimics /proc and /sys.
   */
  readonly root?: string;
  /**
   * Value to use instead of `os.availableParallelism()`. Only useful in tests, so that
   * fixture-based expectations do not depend on the machine running them.
   */
  readonly availableParallelism?: number;
}

/** The effective CPU count and every source that went into it. */
export interface CpuLimits {
  /** min(availableParallelism, affinity, floor(cgroup quota)), at least 1. */
  readonly effectiveCores: number;
  readonly sources: CpuLimitSources;
}

/**
 * How many CPUs this process can really keep busy at the same time, with every limit reported.
 *
 * `os.cpus().length` counts the machine's CPUs, not this process's share: containers and CI
 * runners restrict a process with an affinity mask (taskset, cpuset) or a CFS quota (cgroup
 * `cpu.max` / `cpu.cfs_quota_us`), and a speedup assertion that expects 8x on a 2-CPU quota
 * fails for reasons that have nothing to do with the code under test.
 *
 * Missing or unreadable files make the corresponding source `null`; this function never throws
 * (on macOS and Windows both Linux sources are simply `null`).
 *
 * @example
 * ```ts
 * const { effectiveCores, sources } = getCpuLimits();
 * // { effectiveCores: 2, sources: { availableParallelism: 2, affinity: 2, cgroupQuota: null, cgroupVersion: 1 } }
 * ```
 */
export function getCpuLimits(options: CpuLimitOptions = {}): CpuLimits {
  const root = options.root ?? '/';
  const availableParallelism = options.availableParallelism ?? osAvailableParallelism();
  const affinity = readAffinity(root);
  const cgroup = readCgroupQuota(root);

  // A fractional quota (1.5 CPUs = "150000 100000") is a time budget, not a number of cores:
  // two threads may run in parallel, but only for 75% of each period before both are throttled.
  // A pool sized 2 on such a host gets 1.5x at best, so effectiveCores counts only the full cores
  // (floor) – the number of workers that can all run at full speed – while the fractional quota
  // stays visible in `sources.cgroupQuota` as the real throughput ceiling. A quota below one CPU
  // still leaves one (slow) core: hence the minimum of 1.
  const quotaCores = cgroup.quota === null ? Infinity : Math.floor(cgroup.quota);
  const effectiveCores = Math.max(1, Math.min(availableParallelism, affinity ?? Infinity, quotaCores));

  return {
    effectiveCores,
    sources: {
      availableParallelism,
      affinity,
      cgroupQuota: cgroup.quota,
      cgroupVersion: cgroup.version,
    },
  };
}

/**
 * Counts the CPUs in a Linux CPU list such as `"0-3,5"` (5 CPUs) or `"0"` (1 CPU), the format of
 * `Cpus_allowed_list` in /proc/self/status and of cpuset files. Returns `null` for malformed input.
 *
 * @example
 * ```ts
 * parseCpuList('0-3,5'); // 5
 * parseCpuList('0');     // 1
 * ```
 */
export function parseCpuList(list: string): number | null {
  const text = list.trim();
  if (text === '') return null;
  let count = 0;
  for (const part of text.split(',')) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (match === null) return null;
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    if (last < first) return null;
    count += last - first + 1;
  }
  return count;
}

function readText(root: string, path: string): string | null {
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    // ENOENT on non-Linux hosts and in stripped-down containers, EACCES under hardening:
    // either way this source is unknown, which is not an error.
    return null;
  }
}

function readAffinity(root: string): number | null {
  const status = readText(root, 'proc/self/status');
  if (status === null) return null;
  const line = status.split('\n').find((l) => l.startsWith('Cpus_allowed_list:'));
  if (line === undefined) return null;
  return parseCpuList(line.slice('Cpus_allowed_list:'.length));
}

interface CgroupLine {
  readonly id: string;
  readonly controllers: readonly string[];
  readonly path: string;
}

function parseProcCgroup(text: string): CgroupLine[] {
  const lines: CgroupLine[] = [];
  for (const raw of text.split('\n')) {
    // "hierarchy-id:controller-list:path"; the path itself may contain ':'.
    const first = raw.indexOf(':');
    const second = raw.indexOf(':', first + 1);
    if (first < 0 || second < 0) continue;
    const controllers = raw.slice(first + 1, second);
    lines.push({
      id: raw.slice(0, first),
      controllers: controllers === '' ? [] : controllers.split(','),
      path: raw.slice(second + 1).trim(),
    });
  }
  return lines;
}

/**
 * The cgroup directories that may hold this process's CPU limit, leaf first, up to the mount root.
 * Walking up covers two cases: a parent cgroup with a lower quota (limits nest: the minimum wins),
 * and containers, where /proc/self/cgroup shows the path as seen from the host
 * ("/docker/<id>") while the container's own cgroup is mounted at the root – the missing levels
 * are skipped and the mount root is read.
 */
function cgroupLevels(mount: string, path: string): string[] {
  const segments = path.split('/').filter((s) => s !== '' && s !== '.' && s !== '..');
  const levels: string[] = [];
  for (let depth = segments.length; depth >= 0; depth--) {
    levels.push(join(mount, ...segments.slice(0, depth)));
  }
  return levels;
}

interface CgroupQuota {
  readonly version: 1 | 2 | null;
  /** CPUs allowed by the tightest quota on the path, `null` when unlimited or unknown. */
  readonly quota: number | null;
}

function readCgroupQuota(root: string): CgroupQuota {
  const procCgroup = readText(root, 'proc/self/cgroup');
  if (procCgroup === null) return { version: null, quota: null };
  const lines = parseProcCgroup(procCgroup);

  // On hybrid hosts (like systemd's default on older distributions) /proc/self/cgroup lists both
  // v1 controllers and a "0::" unified line. A controller is bound to exactly one hierarchy, so if
  // a v1 hierarchy carries "cpu", the unified one has no cpu.max: v1 decides.
  const v1 = lines.find((l) => l.id !== '0' && l.controllers.includes('cpu'));
  if (v1 !== undefined) return readCgroupV1(root, v1);
  const v2 = lines.find((l) => l.id === '0' && l.controllers.length === 0);
  if (v2 !== undefined) return readCgroupV2(root, v2.path);
  return { version: null, quota: null };
}

function readCgroupV1(root: string, line: CgroupLine): CgroupQuota {
  // The mount directory is named after the controller list ("cpu,cpuacct"), usually with "cpu"
  // and "cpuacct" symlinks next to it; try the exact name first.
  const names = [...new Set([line.controllers.join(','), 'cpu,cpuacct', 'cpuacct,cpu', 'cpu'])];
  for (const name of names) {
    const mount = join('sys/fs/cgroup', name);
    let found = false;
    let quota: number | null = null;
    for (const dir of cgroupLevels(mount, line.path)) {
      const quotaText = readText(root, join(dir, 'cpu.cfs_quota_us'));
      if (quotaText === null) continue;
      found = true;
      const quotaUs = Number(quotaText.trim());
      const periodUs = Number(readText(root, join(dir, 'cpu.cfs_period_us'))?.trim());
      // -1 means unlimited; a missing or zero period makes the quota meaningless.
      if (!(quotaUs > 0) || !(periodUs > 0)) continue;
      quota = minQuota(quota, quotaUs / periodUs);
    }
    if (found) return { version: 1, quota };
  }
  return { version: null, quota: null };
}

function readCgroupV2(root: string, path: string): CgroupQuota {
  const mount = 'sys/fs/cgroup';
  // The root cgroup has no cpu.max, so a process in it (a plain host) is recognised as v2 by the
  // unified hierarchy's cgroup.controllers file.
  let found = readText(root, join(mount, 'cgroup.controllers')) !== null;
  let quota: number | null = null;
  for (const dir of cgroupLevels(mount, path)) {
    const text = readText(root, join(dir, 'cpu.max'));
    if (text === null) continue;
    found = true;
    // "max 100000" (unlimited) or "<quota> <period>", both in microseconds.
    const [quotaField, periodField] = text.trim().split(/\s+/);
    const quotaUs = Number(quotaField);
    const periodUs = Number(periodField);
    if (!(quotaUs > 0) || !(periodUs > 0)) continue;
    quota = minQuota(quota, quotaUs / periodUs);
  }
  return { version: found ? 2 : null, quota };
}

function minQuota(current: number | null, next: number): number {
  return current === null ? next : Math.min(current, next);
}
