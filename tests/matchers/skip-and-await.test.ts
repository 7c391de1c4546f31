import { stripVTControlCharacters } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createVitest } from 'vitest/node';

const spec = fileURLToPath(new URL('../../fixtures/specs/skip-and-await.spec.ts', import.meta.url));
const setup = fileURLToPath(new URL('../../src/setup.ts', import.meta.url));

async function runFixture() {
  const vitest = await createVitest('test', { config: false, watch: false, reporters: [], setupFiles: [setup], include: [spec] , root: fileURLToPath(new URL('../..', import.meta.url))});
  try {
    await vitest.start([spec]);
    const [module] = vitest.state.getTestModules();
    const cases = new Map([...module!.children.allTests()].map((t) => [t.name, t]));
    return cases;
  } finally {
    await vitest.close();
  }
}

describe('matchers inside a real Vitest run', () => {
  it('skip with an annotation, and fail a forgotten await with the fix', async () => {
    const cases = await runFixture();

    const inconclusive = cases.get('inconclusive skips')!;
    expect(inconclusive.result().state).toBe('skipped');
    expect(inconclusive.result()).toMatchObject({ note: 'inconclusive: 1.96x [1.63, 2.35]' });
    const [annotation] = inconclusive.annotations();
    expect(annotation?.type).toBe('vitest-speedup');
    expect(stripVTControlCharacters(annotation!.message).split('\n')[2]).toBe(
      'Inconclusive: could not tell whether the speedup of pool over sequential is at least 1.96x: the interval 1.96x [1.63x, 2.35x] (95% CI) straddles the threshold.',
    );

    const unreachable = cases.get('unreachable skips')!;
    expect(unreachable.result()).toMatchObject({ state: 'skipped', note: 'unreachable on this host: needs 3.00x, ceiling 1.90x' });
    expect(stripVTControlCharacters(unreachable.annotations()[0]!.message)).toContain(
      "Unreachable on this host: the claim needs a CPU-parallel speedup of 3.00x, but this host's measured parallel ceiling is 1.90x.",
    );

    const forgotten = cases.get('forgotten await')!;
    expect(forgotten.result().state).toBe('failed');
    expect(forgotten.result().errors?.[0]?.message).toBe(
      'toHaveSpeedupAtLeast was not awaited: the test finished while it was still measuring. Write `await expect(...).toHaveSpeedupAtLeast(...)`.',
    );
  }, 30_000);
});
