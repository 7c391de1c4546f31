import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { testbedFromHost } from '../baselines/testbed.ts';
import type { Testbed } from '../baselines/testbed.ts';
import type { Measurement } from '../engine/types.ts';
import { getHostFacts } from '../host/facts.ts';
import { measureParallelCeiling } from '../host/ceiling.ts';
import { createReport, groupFromMeasurement } from './convert.ts';
import type { ReportGroup } from './schema.ts';
import { formatReportTables } from './table.ts';
import { writeReport } from './write.ts';

/** Options of {@link SpeedupReporter}. */
export interface SpeedupReporterOptions {
  /** Where to write report.json, summary.md, charts/ and index.html. Default `.vitest-speedup/report`. */
  readonly outputDir?: string;
  /** Print the tables after the run. Default true. */
  readonly print?: boolean;
  /** Append the Markdown summary to `$GITHUB_STEP_SUMMARY` when set. Default true. */
  readonly stepSummary?: boolean;
  /**
   * Measure the parallel ceiling (about half a second on 2 cores) for the testbed fingerprint,
   * so that reports from hosts with the same cores but a different real ceiling differ. Default true.
   */
  readonly measureCeiling?: boolean;
  /** The testbed, when the caller has it already (skips host facts and the ceiling). */
  readonly testbed?: Testbed;
  /** Where printed text goes. Default `process.stdout`. */
  readonly output?: { write(chunk: string): unknown };
  /** Environment for `GITHUB_STEP_SUMMARY`. Default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
}

/** The slice of Vitest's TestCase this module reads. */
export interface TestCaseLike {
  readonly fullName: string;
  readonly module: { readonly moduleId: string };
  meta(): unknown;
}

/** The measurements the speedup benchmark provider left on a test's meta (`test.meta.vitestSpeedup`). */
function measurementsOf(testCase: TestCaseLike): readonly Measurement[] {
  const meta = testCase.meta() as { vitestSpeedup?: { groups?: unknown } } | undefined;
  const groups = meta?.vitestSpeedup?.groups;
  return Array.isArray(groups) ? (groups as Measurement[]) : [];
}

/**
 * One report group per `bench.compare()` / `bench().run()` that the speedup benchmark provider
 * measured, titled by the test's full name (`#2`, `#3` for further groups of the same test; the
 * file is appended when two files have a test of the same name).
 */
export function groupsFromTestCases(testCases: Iterable<TestCaseLike>, root: string = process.cwd()): ReportGroup[] {
  const found: { title: string; file: string; measurement: Measurement }[] = [];
  for (const testCase of testCases) {
    const measurements = measurementsOf(testCase);
    measurements.forEach((measurement, i) => {
      const title = measurements.length === 1 ? testCase.fullName : `${testCase.fullName} #${i + 1}`;
      found.push({ title, file: relative(root, testCase.module.moduleId), measurement });
    });
  }
  const counts = new Map<string, number>();
  for (const { title } of found) counts.set(title, (counts.get(title) ?? 0) + 1);
  return found.map(({ title, file, measurement }) => {
    // A lone benchmark is measured against a second copy of itself; report only its own time,
    // without the copy and what was flagged about the pair.
    const again = `${measurement.baseline.name} (again)`;
    const lone = measurement.candidates.length === 1 && measurement.candidates[0]?.name === again;
    const source = lone
      ? { ...measurement, candidates: [], comparisons: [], flags: measurement.flags.filter((flag) => !flag.message.startsWith(again)) }
      : measurement;
    return groupFromMeasurement(source, { title: (counts.get(title) ?? 0) > 1 ? `${title} [${file}]` : title });
  });
}

/**
 * A Vitest reporter that turns the speedup benchmark provider's measurements into a speedup
 * report at the end of a run: it prints the tables and writes report.json, summary.md,
 * charts/*.svg and index.html (see `writeReport`), and appends the summary to the GitHub Actions
 * job summary. Runs without speedup measurements write nothing.
 *
 * @example
 * ```ts
 * // vitest.config.ts
 * import { speedup } from 'vitest-speedup/config';
 * import { SpeedupReporter } from 'vitest-speedup/report';
 * export default defineConfig({
 *   plugins: [speedup()],
 *   test: { reporters: ['default', new SpeedupReporter({ outputDir: 'bench-report' })] },
 * });
 * ```
 */
export class SpeedupReporter implements Reporter {
  readonly options: SpeedupReporterOptions;

  constructor(options: SpeedupReporterOptions = {}) {
    this.options = options;
  }

  async onTestRunEnd(testModules: ReadonlyArray<TestModule>): Promise<void> {
    const testCases: TestCaseLike[] = [];
    for (const testModule of testModules) for (const testCase of testModule.children.allTests()) testCases.push(testCase);
    const groups = groupsFromTestCases(testCases);
    if (groups.length === 0) return;

    const testbed =
      this.options.testbed ?? testbedFromHost(getHostFacts(), this.options.measureCeiling === false ? undefined : await measureParallelCeiling());
    const report = createReport({ testbed, groups });
    const outputDir = this.options.outputDir ?? '.vitest-speedup/report';
    await writeReport(report, outputDir, {
      ...(this.options.stepSummary === undefined ? {} : { stepSummary: this.options.stepSummary }),
      ...(this.options.env === undefined ? {} : { env: this.options.env }),
    });
    if (this.options.print !== false) {
      const output = this.options.output ?? process.stdout;
      output.write(`\n${formatReportTables(report)}\n\nSpeedup report: ${outputDir}/index.html (data: ${outputDir}/report.json)\n`);
    }
  }
}
