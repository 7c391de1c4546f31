import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bounded, concurrent, sequential } from '../../src/strategies/main-thread.ts';
import type { Strategy } from '../../src/strategies/types.ts';
import { RequestError } from '../../src/io/errors.ts';
import { activeResources, leakedResources } from '../../src/io/isolation.ts';
import { fixed } from '../../src/io/latency/profiles.ts';
import { partitionSettled, settleAll, settleWorkload } from '../../src/io/settle.ts';
import { downloadSiteTask } from '../../src/io/tasks/index.ts';
import { createTransport, loopbackTransport, TRANSPORT_KINDS } from '../../src/io/transports/index.ts';
import { workerPerRequest } from '../../src/io/worker-per-request.ts';

const PATHS = ['/sites/big', '/sites/big?fault=500', '/sites/small', '/sites/small?fault=reset', '/sites/small?fault=timeout', '/sites/big'];
const MESSAGES = [
  'GET /sites/big?fault=500 failed: HTTP 500 Internal Server Error',
  'GET /sites/small?fault=reset failed: connection reset by the server',
  'GET /sites/small?fault=timeout failed: no response within 250 ms',
];

describe.each(TRANSPORT_KINDS)('faults on the %s transport', (kind) => {
  const transport = createTransport(kind, { table: { latency: fixed(10) } });
  const inputs = (): string[] => PATHS.map((path) => transport.url(path));
  // The deadline only has to end the hanging request; it is generous so that a loaded machine
  // does not turn a slow first request into a second timeout.
  const task = () => downloadSiteTask({ requester: transport.requester, timeoutMs: 250 });
  beforeAll(async () => {
    await transport.start();
    await task().run(transport.url('/sites/big')); // warm up (first-request set-up costs)
  });
  afterAll(() => transport.close());

  it.each([sequential(), concurrent(), bounded(2)])('settleAll($name) collects every outcome in input order', async (strategy: Strategy) => {
    const settled = settleAll(strategy);
    expect(settled.name).toBe(`settleAll(${strategy.name})`);
    expect(settled.python).toBe(`${strategy.python} with return_exceptions=True`);
    const run = await settled.run({ name: 'sites', task: task(), inputs: inputs() });
    expect(run.results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'rejected', 'fulfilled']);
    const { fulfilled, rejected } = partitionSettled(run.results);
    expect(fulfilled).toEqual([
      { index: 0, value: 10_490 },
      { index: 2, value: 278 },
      { index: 5, value: 10_490 },
    ]);
    expect(rejected.map((r) => r.index)).toEqual([1, 3, 4]);
    expect(rejected.map((r) => r.reason.message)).toEqual(MESSAGES);
    for (const { reason } of rejected) expect(reason).toBeInstanceOf(RequestError);
  });

  it('fails fast by default with the first error', async () => {
    await expect(sequential().run({ name: 'sites', task: task(), inputs: inputs() })).rejects.toThrow(MESSAGES[0]);
    // Concurrently, whichever failure settles first wins (MockAgent resets at once, the others after the latency).
    const first = await concurrent()
      .run({ name: 'sites', task: task(), inputs: inputs() })
      .catch((e: unknown) => (e as Error).message);
    expect(MESSAGES.slice(0, 2)).toContain(first);
  });
});

describe('settle-all isolation', () => {
  it('leaves no handle behind after a failed concurrent run and close()', async () => {
    for (const kind of TRANSPORT_KINDS) {
      const before = activeResources();
      const transport = createTransport(kind, { table: { latency: fixed(5) } });
      await transport.start();
      const task = downloadSiteTask({ requester: transport.requester });
      // Fail-fast returns while the hanging request is still in flight: close() must end it.
      await expect(concurrent().run({ name: 'x', task, inputs: [transport.url('/ip?fault=timeout'), transport.url('/ip?fault=500')] })).rejects.toThrow(
        'GET /ip?fault=500 failed: HTTP 500 Internal Server Error',
      );
      await transport.close();
      expect({ kind, leaked: await leakedResources(before) }).toEqual({ kind, leaked: {} });
    }
  });
});

describe('settleAll with worker threads', () => {
  const transport = loopbackTransport({ table: { latency: fixed(5) } });
  beforeAll(() => transport.start());
  afterAll(() => transport.close());

  it('rebuilds RequestErrors thrown in workers', async () => {
    const run = await settleAll(workerPerRequest()).run({
      name: 'sites',
      task: downloadSiteTask(),
      inputs: [transport.url('/sites/small'), transport.url('/sites/big?fault=503')],
    });
    expect(run.results[0]).toEqual({ status: 'fulfilled', value: 278 });
    const failed = run.results[1];
    expect(failed?.status).toBe('rejected');
    if (failed?.status === 'rejected') {
      expect(failed.reason).toBeInstanceOf(RequestError);
      expect(failed.reason).toMatchObject({ message: 'GET /sites/big?fault=503 failed: HTTP 503 Service Unavailable', status: 503 });
    }
  });

  it('wraps inputs in envelopes that name the task module', () => {
    const task = downloadSiteTask();
    const wrapped = settleWorkload({ name: 'w', task, inputs: ['a'] });
    expect(wrapped.inputs).toEqual([{ input: 'a', module: task.module, exportName: 'downloadSite' }]);
    expect(wrapped.task.exportName).toBe('settledCall');
    const inline = settleWorkload({ name: 'w', task: { name: 'inline', run: (x: number) => x }, inputs: [1] });
    expect(inline.task.module).toBeUndefined();
  });

  it('keeps non-Error rejections as Errors', async () => {
    const run = await settleAll(sequential()).run({
      name: 'x',
      task: {
        name: 'throws',
        run: () => {
          throw 'plain string';
        },
      },
      inputs: [1],
    });
    expect(run.results[0]).toMatchObject({ status: 'rejected', reason: { message: 'plain string' } });
  });
});
