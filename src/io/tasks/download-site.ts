/**
 * Download a site and count its bytes (the Python material's `download_site`), with or without
 * a shared session: the session-reuse lesson is that one pool of kept-alive connections beats a
 * new connection per request.
 */
import { fileURLToPath } from 'node:url';
import type { TaskDefinition } from '../../strategies/types.ts';
import { getBytes, type Requester } from '../client.ts';
import type { Transport } from '../transports/types.ts';
import type { IoTaskOptions } from './options.ts';

/** `shared`: one pool for all requests (`requests.Session`); `new-connection`: a new client per request, closed after. */
export type SessionMode = 'shared' | 'new-connection';

/**
 * GETs `url` and returns the number of body bytes read.
 *
 * @example
 * await downloadSite(transport.url('/sites/big'), { requester: transport.requester }); // 10490
 */
export async function downloadSite(url: string, options: IoTaskOptions = {}): Promise<number> {
  return (await getBytes(url, options)).byteLength;
}

/** The requester of a session mode on a transport. */
export function sessionRequester(transport: Pick<Transport, 'requester' | 'newConnectionRequester'>, session: SessionMode): Requester {
  switch (session) {
    case 'shared':
      return transport.requester;
    case 'new-connection':
      return transport.newConnectionRequester();
    default:
      throw new RangeError(`sessionRequester(transport, session): session must be shared or new-connection, received ${String(session)}`);
  }
}

/** The Python material's site list: the big and the small site alternating, `count` URLs in all. */
export function siteUrls(url: (path: string) => string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => url(i % 2 === 0 ? '/sites/big' : '/sites/small'));
}

/** {@link downloadSite} as a task (input: the URL). */
export function downloadSiteTask(options: IoTaskOptions = {}): TaskDefinition<string, number> {
  return {
    name: 'downloadSite',
    run: (url) => downloadSite(url, options),
    module: fileURLToPath(import.meta.url),
    exportName: 'downloadSite',
  };
}
