import { test } from 'vitest';

const cell = new Int32Array(new SharedArrayBuffer(4));
const block = (ms: number) => Atomics.wait(cell, 0, 0, ms);

test('waits', async ({ bench }) => {
  await bench.compare(bench('wait 4 ms', () => { block(4); }), bench('wait 1 ms', () => { block(1); }), { time: 1000 });
});
