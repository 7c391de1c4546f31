/** Where the effective CPU count came from: every source that limits this process. */
export interface CpuLimitSources {
  /** `os.availableParallelism()`. */
  readonly availableParallelism: number;
  /** CPUs in this process's affinity mask (sched_getaffinity via /proc/self/status), if readable. */
  readonly affinity: number | null;
  /** CPU quota from cgroup v2 `cpu.max` or v1 `cpu.cfs_quota_us / cpu.cfs_period_us`, if any. */
  readonly cgroupQuota: number | null;
  /** Which cgroup version was found, if any. */
  readonly cgroupVersion: 1 | 2 | null;
}

/** Facts about this host that decide what speedups are possible and how noisy timing is. */
export interface HostFacts {
  /** The number of CPUs this process can actually use: min over all limit sources, at least 1. */
  readonly effectiveCores: number;
  readonly cpuSources: CpuLimitSources;
  readonly cpuModel: string;
  readonly logicalCpus: number;
  readonly nodeVersion: string;
  readonly platform: string;
  readonly arch: string;
  /** 1, 5 and 15 minute load averages. */
  readonly loadAverage: readonly [number, number, number];
  /** Smallest observable step of `process.hrtime.bigint()`, in nanoseconds. */
  readonly timerResolutionNs: number;
}

/** The parallel speedup this host actually delivers on an embarrassingly parallel CPU loop. */
export interface ParallelCeiling {
  /** One point per worker count 1..maxWorkers. */
  readonly points: readonly {
    readonly workers: number;
    readonly speedup: number;
    /** Median wall time of one round with this many workers, in ms. */
    readonly medianMs?: number;
  }[];
  /** The best speedup observed over all worker counts. */
  readonly ceiling: number;
  /** Worker count at which the ceiling was observed. */
  readonly bestWorkers: number;
  /** ISO timestamp of the start of the measurement. */
  readonly measuredAt: string;
  /** Wall time of the whole measurement (calibration, worker startup, all rounds), in ms. */
  readonly durationMs: number;
  /** CPU work per worker per round, in ms, as calibrated on the main thread. */
  readonly workMs?: number;
}
