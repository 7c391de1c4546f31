/**
 * The site-download lesson of the Python material: 160 sites (a 10,490-byte and a 278-byte page,
 * alternating, 80 of each), downloaded with one `requests.Session` or without, one after the
 * other, by a ThreadPoolExecutor(max_workers=5) and by asyncio.gather. Loopback server only:
 * session reuse is about real connections.
 *
 * Scale. The material's 150 ms latency would make 160 sequential downloads take 24 s a round;
 * here the latency is 5 ms (1/30) with the full 160 sites, so the waves keep their shape:
 * 160, 32 and 1 × 5 ms (model 5x for bounded(5)). Session reuse keeps the same latency, gives
 * every new connection a 10 ms set-up (standing in for the TCP + TLS handshakes, two round
 * trips, that a loopback connect does not have) and downloads 40 sites (1/4): model
 * (5 + 10) / 5 = 3x for the shared pool.
 */
import { test } from 'vitest';
import { SITE_BYTES } from '../../src/io/data.ts';
import { fixed } from '../../src/io/latency/profiles.ts';
import { downloadSiteTask, sessionRequester, siteUrls } from '../../src/io/tasks/index.ts';
import { bounded, concurrent, sequential } from '../../src/strategies/main-thread.ts';
import { expectResults, scaled, timedRun, useTransport } from './shared.ts';

const SITES = 160;
const SESSION_SITES = 40;
const LATENCY_MS = 5;
const CONNECTION_SETUP_MS = 10;

/** siteUrls alternates big, small, big, ... */
const checkSizes = (count: number): ((results: readonly number[]) => void) =>
  expectResults<number>('downloadSite', count, (bytes, index) => bytes === (index % 2 === 0 ? SITE_BYTES.big : SITE_BYTES.small));

const sites = useTransport('loopback', { table: { latency: fixed(LATENCY_MS) } });
const sessions = useTransport('loopback', { table: { latency: fixed(LATENCY_MS) }, connectionSetupMs: CONNECTION_SETUP_MS });

test(`session reuse: ${SESSION_SITES} sites one after the other at ${LATENCY_MS} ms + ${CONNECTION_SETUP_MS} ms connection set-up (loopback), new connection per request vs shared pool`, async ({ bench }) => {
  const urls = (): string[] => siteUrls((path) => sessions.url(path), SESSION_SITES);
  await bench.compare(
    bench('new connection per request', timedRun(sequential(), downloadSiteTask({ requester: sessionRequester(sessions, 'new-connection') }), urls, checkSizes(SESSION_SITES))),
    bench('shared pool (session)', timedRun(sequential(), downloadSiteTask({ requester: sessionRequester(sessions, 'shared') }), urls, checkSizes(SESSION_SITES))),
    scaled(10_000),
  );
});

test(`${SITES} sites at ${LATENCY_MS} ms (latency 1/30, loopback, shared pool), sequential, bounded(5), concurrent`, async ({ bench }) => {
  const urls = (): string[] => siteUrls((path) => sites.url(path), SITES);
  const task = downloadSiteTask({ requester: sites.requester });
  await bench.compare(
    bench('sequential', timedRun(sequential(), task, urls, checkSizes(SITES))),
    bench('bounded(5)', timedRun(bounded(5), task, urls, checkSizes(SITES))),
    bench('concurrent', timedRun(concurrent(), task, urls, checkSizes(SITES))),
    scaled(10_000),
  );
});
