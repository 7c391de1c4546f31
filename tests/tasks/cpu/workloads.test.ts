import { describe, expect, it } from 'vitest';
import { cpuWorkerModule, powSelfTask, sieveSummaryTask, sieveTask, sumOfSquaresTask } from '../../../src/tasks/cpu/tasks.ts';
import { powSelfWorkload, sieveSummaryWorkload, sieveWorkload, sumOfSquaresWorkload } from '../../../src/tasks/cpu/workloads.ts';

describe('CPU workloads', () => {
  it('are the Python originals at the default scale', () => {
    const sieve = sieveWorkload();
    expect(sieve.inputs).toHaveLength(15_000);
    expect(sieve.inputs[0]).toBe(1000);
    expect(sieve.inputs.at(-1)).toBe(15_999);
    expect(sieve.inputs.every((n, k) => n === 1000 + k)).toBe(true);
    expect(sieve.task).toBe(sieveTask);
    expect(sieve.name).toBe('sieve over range(1000, 16000)');

    const sums = sumOfSquaresWorkload({ scale: 1 });
    expect(sums.inputs).toEqual(Array.from({ length: 20 }, (_, x) => 5_000_000 + x));
    expect(sums.task).toBe(sumOfSquaresTask);

    const pows = powSelfWorkload();
    expect(pows.inputs).toEqual(Array.from({ length: 16 }, (_, k) => 1_000_000 + k));
    expect(pows.task).toBe(powSelfTask);
  });

  it('thin out the sieve range when scaled, keeping its span', () => {
    const sieve = sieveWorkload({ scale: 0.01 });
    expect(sieve.inputs).toHaveLength(150);
    expect(sieve.inputs.slice(0, 3)).toEqual([1000, 1100, 1200]);
    expect(sieve.inputs.at(-1)).toBe(15_900);
    expect(sieve.name).toBe('sieve over range(1000, 16000) at scale 0.01');
    expect(sieveWorkload({ scale: 1e-9 }).inputs).toEqual([1000]);
  });

  it('give the compact sieve the same inputs as the faithful one, scaled alike', () => {
    for (const scale of [1, 0.01]) {
      const compact = sieveSummaryWorkload({ scale });
      expect(compact.inputs).toEqual(sieveWorkload({ scale }).inputs);
      expect(compact.task).toBe(sieveSummaryTask);
    }
    expect(sieveSummaryWorkload().name).toBe('sieve summary over range(1000, 16000)');
    expect(() => sieveSummaryWorkload({ scale: 2 })).toThrow(RangeError);
  });

  it('shrink n for sumOfSquares and i for powSelf, keeping the input counts', () => {
    expect(sumOfSquaresWorkload({ scale: 0.01 }).inputs).toEqual(Array.from({ length: 20 }, (_, x) => 50_000 + x));
    expect(powSelfWorkload({ scale: 0.001 }).inputs).toEqual(Array.from({ length: 16 }, (_, k) => 1000 + k));
    expect(powSelfWorkload({ scale: 1e-9 }).inputs[0]).toBe(1);
  });

  it('point the tasks at the worker module', () => {
    for (const task of [sieveTask, sieveSummaryTask, sumOfSquaresTask, powSelfTask]) {
      expect(task.module).toBe(cpuWorkerModule);
      expect(task.exportName).toBe(task.name);
    }
    expect(cpuWorkerModule).toMatch(/\/src\/tasks\/cpu\/worker\.ts$/);
  });

  it('reject a scale outside (0, 1] naming the option', () => {
    const fix = 'Use 1 (the default) for the original workload, or a fraction such as 0.01 to shrink it.';
    expect(() => sieveWorkload({ scale: 0 })).toThrow(
      new RangeError(`sieveWorkload(options): options.scale must be a number in (0, 1], received 0. ${fix}`),
    );
    expect(() => sumOfSquaresWorkload({ scale: 1.5 })).toThrow(
      new RangeError(`sumOfSquaresWorkload(options): options.scale must be a number in (0, 1], received 1.5. ${fix}`),
    );
    expect(() => powSelfWorkload({ scale: Number.NaN })).toThrow(
      new RangeError(`powSelfWorkload(options): options.scale must be a number in (0, 1], received NaN. ${fix}`),
    );
    expect(() => sieveWorkload({ scale: '0.5' as unknown as number })).toThrow(
      new TypeError(`sieveWorkload(options): options.scale must be a number in (0, 1], received "0.5". ${fix}`),
    );
  });
});
