/**
 * The strategy interface shared by CPU and I/O work: a workload goes in, results (in input
 * order) and a timeline of who ran what when come out. Every strategy corresponds to a
 * construct of the Python material this project grew from (see `python` on each strategy).
 */

/** One executed task: which lane (main thread, worker thread, child process) ran it, and when. */
export interface TimelineEntry {
  /** Index of the input in the workload (results are returned in this order). */
  readonly index: number;
  /** Who ran it: `main`, `thread:<threadId>` or `pid:<pid>`. */
  readonly lane: string;
  /**
   * Start and end in milliseconds on the main thread's absolute clock (`absoluteNow()`).
   * Workers time tasks on the machine-wide monotonic clock (`process.hrtime`) and the main
   * thread converts, so that entries from different threads and processes share one axis.
   */
  readonly start: number;
  readonly end: number;
}

export interface Timeline {
  /** Absolute start and end of the whole run (same clock as the entries). */
  readonly start: number;
  readonly end: number;
  readonly entries: readonly TimelineEntry[];
}

export interface StrategyRun<R> {
  /** Results in input order, whatever order the tasks finished in. */
  readonly results: R[];
  readonly timeline: Timeline;
}

/**
 * A task: a pure function of one input. `module` + `exportName` name the same function for
 * strategies that run it off the main thread (worker threads, child processes): such
 * strategies import `module` (an absolute file path string) and call `exportName`.
 */
export interface TaskDefinition<I, R> {
  readonly name: string;
  readonly run: (input: I) => R | Promise<R>;
  readonly module?: string;
  readonly exportName?: string;
}

/** A task and the inputs to run it on. */
export interface Workload<I, R> {
  readonly name: string;
  readonly task: TaskDefinition<I, R>;
  readonly inputs: readonly I[];
}

export interface RunOptions {
  /** Aborts the run: pending tasks are not started, running ones are cancelled where possible. */
  readonly signal?: AbortSignal;
}

export interface Strategy {
  /** Short identifier, e.g. `sequential`, `bounded(5)`, `piscina-chunked(500)`. */
  readonly name: string;
  /** The Python construct it corresponds to, e.g. `asyncio.gather`. */
  readonly python: string;
  run<I, R>(workload: Workload<I, R>, options?: RunOptions): Promise<StrategyRun<R>>;
  /** Creates and primes resources (pools) before measuring. Strategies without resources may omit it. */
  start?(): Promise<void>;
  /** Releases threads, processes and handles. Strategies without resources may omit it. */
  close?(): Promise<void>;
}
