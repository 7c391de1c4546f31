import { describe, expect, it } from 'vitest';
import { bandwidth } from '../../../src/io/latency/bandwidth.ts';
import { latencyPlan, normalizeSeed } from '../../../src/io/latency/plan.ts';
import { fixed, logNormal, uniform } from '../../../src/io/latency/profiles.ts';

describe('latencyPlan', () => {
  it('defaults to no latency and unlimited bandwidth', () => {
    const plan = latencyPlan();
    expect(plan.sample('/ip', '/ip')).toBe(0);
    expect(plan.bandwidthFor('/ip')).toBeUndefined();
    expect(plan.seed).toBe(1);
  });

  it('applies per-route overrides', () => {
    const slowLink = bandwidth({ bytesPerSecond: 1000 });
    const plan = latencyPlan({
      latency: fixed(20),
      routes: { '/genre': fixed(5), '/sites/big': { latency: fixed(30), bandwidth: slowLink }, '/sites/small': { bandwidth: slowLink } },
    });
    expect(plan.sample('/ip', '/ip')).toBe(20);
    expect(plan.sample('/genre', '/genre?n=1')).toBe(5);
    expect(plan.sample('/sites/big', '/sites/big')).toBe(30);
    expect(plan.sample('/sites/small', '/sites/small')).toBe(20);
    expect(plan.bandwidthFor('/sites/big')).toBe(slowLink);
    expect(plan.bandwidthFor('/ip')).toBeUndefined();
  });

  it('is reproducible per request key, whatever the arrival order', () => {
    const profile = logNormal({ medianMs: 20, p99Ms: 80 });
    const a = latencyPlan({ seed: 7, latency: profile });
    const b = latencyPlan({ seed: 7, latency: profile });
    const keys = ['/images/a', '/images/b', '/images/c', '/images/a'];
    const forward = keys.map((key) => a.sample('/images/:id', key));
    const backward = [...keys].reverse().map((key) => [key, b.sample('/images/:id', key)] as const);
    // The first request of each key draws the same value in either order.
    expect(backward.find(([key]) => key === '/images/b')?.[1]).toBe(forward[1]);
    expect(backward.find(([key]) => key === '/images/c')?.[1]).toBe(forward[2]);
    // Repeated keys draw new values; reset() starts over.
    expect(forward[3]).not.toBe(forward[0]);
    a.reset();
    expect(a.sample('/images/:id', '/images/a')).toBe(forward[0]);
  });

  it('differs between seeds, and string seeds are hashed', () => {
    const profile = uniform({ minMs: 0, maxMs: 100 });
    expect(latencyPlan({ seed: 1, latency: profile }).sample('/ip', '/ip')).not.toBe(latencyPlan({ seed: 2, latency: profile }).sample('/ip', '/ip'));
    expect(normalizeSeed('run-1')).toBe(normalizeSeed('run-1'));
    expect(normalizeSeed('run-1')).not.toBe(normalizeSeed('run-2'));
    expect(() => normalizeSeed(1.5)).toThrow(new RangeError('seed must be an integer or a string, received 1.5'));
  });

  it('rejects routes that are not profiles', () => {
    expect(() => latencyPlan({ routes: { '/ip': 5 as never } })).toThrow(
      new TypeError("latencyPlan(options): routes['/ip'] must be a LatencyProfile or { latency, bandwidth }"),
    );
    expect(() => latencyPlan({ routes: { '/ip': { latency: 5 as never } } })).toThrow(
      new TypeError("latencyPlan(options): routes['/ip'].latency must be a LatencyProfile"),
    );
  });
});
