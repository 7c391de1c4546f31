import { describe, expect, it } from 'vitest';
import { effectiveCores } from '../../src/strategies/cores.ts';
import { piscinaChunked, piscinaPerItem } from '../../src/strategies/piscina.ts';
import { processPoolChunked, processPoolPerItem } from '../../src/strategies/process-pool.ts';
import { workerPerItem } from '../../src/strategies/worker-per-item.ts';
import { fixtureTask, double } from './fixtures/tasks.ts';

const cores = effectiveCores();

/** Calls `create` and returns what it threw, for exact class and message checks. */
function thrown(create: () => unknown): { type: string; message: string } | undefined {
  try {
    create();
    return undefined;
  } catch (error) {
    return { type: (error as Error).constructor.name, message: (error as Error).message };
  }
}

describe('strategy options', () => {
  it('default the worker count to the effective core count', () => {
    expect(cores).toBeGreaterThanOrEqual(1);
    expect(piscinaPerItem().workers).toBe(cores);
    expect(processPoolChunked().workers).toBe(cores);
    expect(workerPerItem().workers).toBe(cores);
  });

  it('reject worker counts that are not positive integers, naming the option and the fix', () => {
    const fix = `Omit it to use the effective core count (${cores}).`;
    expect(thrown(() => piscinaPerItem({ workers: 0 }))).toEqual({
      type: 'RangeError',
      message: `piscinaPerItem(options): options.workers must be a positive integer, received 0. ${fix}`,
    });
    expect(thrown(() => piscinaChunked({ workers: 1.5 }))).toEqual({
      type: 'RangeError',
      message: `piscinaChunked(options): options.workers must be a positive integer, received 1.5. ${fix}`,
    });
    expect(thrown(() => processPoolPerItem({ workers: Number.NaN }))).toEqual({
      type: 'RangeError',
      message: `processPoolPerItem(options): options.workers must be a positive integer, received NaN. ${fix}`,
    });
    expect(thrown(() => processPoolChunked({ workers: '2' as unknown as number }))).toEqual({
      type: 'TypeError',
      message: `processPoolChunked(options): options.workers must be a positive integer, received "2". ${fix}`,
    });
    expect(thrown(() => workerPerItem({ workers: -1 }))).toEqual({
      type: 'RangeError',
      message: `workerPerItem(options): options.workers must be a positive integer, received -1. ${fix}`,
    });
    expect(thrown(() => piscinaPerItem({ workers: Number.POSITIVE_INFINITY }))?.type).toBe('RangeError');
  });

  it('reject chunk sizes that are not positive integers', () => {
    const fix = "Use 1 for one input per task, or omit it for Python's default of ceil(inputs / (4 x workers)).";
    expect(thrown(() => piscinaChunked({ chunkSize: 0 }))).toEqual({
      type: 'RangeError',
      message: `piscinaChunked(options): options.chunkSize must be a positive integer, received 0. ${fix}`,
    });
    expect(thrown(() => processPoolChunked({ chunkSize: 2.5 }))).toEqual({
      type: 'RangeError',
      message: `processPoolChunked(options): options.chunkSize must be a positive integer, received 2.5. ${fix}`,
    });
    expect(thrown(() => piscinaPerItem({ chunkSize: 10 } as never))).toEqual({
      type: 'TypeError',
      message:
        'piscinaPerItem(options): options.chunkSize is not an option of piscinaPerItem, which submits one input per task. Use the chunked variant for chunks.',
    });
  });

  it('reject bad timeouts, warm flags, preload lists and option objects', () => {
    const timeoutFix = 'Omit it for no timeout.';
    expect(thrown(() => piscinaPerItem({ timeout: 0 }))).toEqual({
      type: 'RangeError',
      message: `piscinaPerItem(options): options.timeout must be a positive finite number of milliseconds, received 0. ${timeoutFix}`,
    });
    expect(thrown(() => workerPerItem({ timeout: Number.POSITIVE_INFINITY }))).toEqual({
      type: 'RangeError',
      message: `workerPerItem(options): options.timeout must be a positive finite number of milliseconds, received Infinity. ${timeoutFix}`,
    });
    expect(thrown(() => piscinaPerItem({ warm: 'no' as unknown as boolean }))).toEqual({
      type: 'TypeError',
      message: 'piscinaPerItem(options): options.warm must be a boolean, received "no". Use false to include pool start-up in every run.',
    });
    expect(thrown(() => piscinaChunked({ preload: ['/nonexistent/module.ts'] }))).toEqual({
      type: 'TypeError',
      message:
        "piscinaChunked(options): options.preload does not exist: /nonexistent/module.ts. Point it at an existing module file, e.g. fileURLToPath(new URL('./tasks.ts', import.meta.url)).",
    });
    expect(thrown(() => piscinaChunked({ preload: 'x' as unknown as string[] }))).toEqual({
      type: 'TypeError',
      message: 'piscinaChunked(options): options.preload must be an array of absolute module paths, received "x".',
    });
    expect(thrown(() => processPoolPerItem(null as never))).toEqual({
      type: 'TypeError',
      message: 'processPoolPerItem(options): options must be an object, received null.',
    });
  });

  it('reject a signal that is not an AbortSignal when running', async () => {
    const strategy = piscinaPerItem({ workers: 1, warm: false });
    const workload = { name: 'doubles', task: fixtureTask('double', double), inputs: [1] };
    await expect(strategy.run(workload, { signal: {} as AbortSignal })).rejects.toThrow(
      'piscina-per-item(cold): options.signal must be an AbortSignal, received a value of type object. Pass controller.signal.',
    );
  });
});
