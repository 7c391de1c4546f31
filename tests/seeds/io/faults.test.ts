// Seed spec, lesson "asyncio.gather(..., return_exceptions=True)": when some downloads fail, a
// settle-all run still finishes every request and hands back each error as a value, with a
// message that names the request; the default (fail-fast) run rejects with the first error.
// No timing is asserted here, only outcomes, messages and that nothing is left open.
//
// Five sites: three succeed, one answers HTTP 500, one has its connection reset.
// The reset answers at once (`latency=0`), the 500 after the route latency, so "first error" is
// well defined both ways: in input order (sequential) it is the 500, in time (concurrent) the reset.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bounded, concurrent, sequential, type Strategy } from '../../../src/index.ts';
import {
  activeResources,
  createTransport,
  downloadSiteTask,
  fixed,
  leakedResources,
  partitionSettled,
  RequestError,
  settleAll,
  SITE_BYTES,
  TRANSPORT_KINDS,
  type ResourceCounts,
} from '../../../src/io/index.ts';

const PATHS = ['/sites/big', '/sites/small?fault=500', '/sites/small', '/sites/big?fault=reset&latency=0', '/sites/big'];
const HTTP_500 = 'GET /sites/small?fault=500 failed: HTTP 500 Internal Server Error';
const RESET = 'GET /sites/big?fault=reset&latency=0 failed: connection reset by the server';

describe.each(TRANSPORT_KINDS)('failed downloads on %s', (kind) => {
  const transport = createTransport(kind, { table: { latency: fixed(20) } });
  let before: ResourceCounts;
  const inputs = (): string[] => PATHS.map((path) => transport.url(path));
  const task = () => downloadSiteTask({ requester: transport.requester });

  beforeAll(async () => {
    before = activeResources();
    await transport.start();
  });

  afterAll(async () => {
    await transport.close();
    expect(await leakedResources(before)).toEqual({});
  });

  it.each([concurrent(), bounded(2), sequential()])('settleAll($name) collects both errors and the three sites', async (strategy: Strategy) => {
    const run = await settleAll(strategy).run({ name: 'sites', task: task(), inputs: inputs() });
    expect(run.results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    const { fulfilled, rejected } = partitionSettled(run.results);
    expect(fulfilled).toEqual([
      { index: 0, value: SITE_BYTES.big },
      { index: 2, value: SITE_BYTES.small },
      { index: 4, value: SITE_BYTES.big },
    ]);
    expect(rejected.map(({ index, reason }) => ({ index, message: reason.message }))).toEqual([
      { index: 1, message: HTTP_500 },
      { index: 3, message: RESET },
    ]);
    expect(rejected[0]?.reason).toBeInstanceOf(RequestError);
    expect(rejected[0]?.reason).toMatchObject({ reason: 'status', status: 500, path: '/sites/small?fault=500' });
    expect(rejected[1]?.reason).toMatchObject({ reason: 'reset', path: '/sites/big?fault=reset&latency=0' });
  });

  it('fail-fast, one after the other, rejects with the first error in input order: the 500', async () => {
    const error = await sequential()
      .run({ name: 'sites', task: task(), inputs: inputs() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as Error).message).toBe(HTTP_500);
  });

  it('fail-fast, all at once, rejects with the first error to happen: the reset', async () => {
    const error = await concurrent()
      .run({ name: 'sites', task: task(), inputs: inputs() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as Error).message).toBe(RESET);
  });
});
