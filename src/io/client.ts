/**
 * The HTTP client side of the I/O tasks: a `Requester` (one GET, returning status, headers and a
 * body stream) and `get()`, which adds a deadline, turns HTTP error statuses and socket errors
 * into {@link RequestError}s and guarantees the body is consumed or destroyed.
 *
 * This module imports undici only as types: worker threads that run the tasks use the lighter
 * {@link nodeHttpRequester} and never load undici (starting a worker that imports undici costs
 * about twice as much as one that imports node:http).
 */
import { get as httpGet, STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { RequestError } from './errors.ts';

/** A response: status, headers and the body as a Node stream. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Readable;
}

/** Options of one request. */
export interface RequestOptions {
  readonly signal?: AbortSignal;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Sends one GET request for an absolute URL and resolves once the response headers arrived. */
export type Requester = (url: string, options?: RequestOptions) => Promise<HttpResponse>;

/**
 * A requester that sends every request through one undici dispatcher (a Pool, a Client, an
 * Agent or a MockAgent): the "session" whose connections are reused.
 *
 * @example
 * const pool = new Pool(baseUrl, { connections: 10 });
 * const text = await getText(`${baseUrl}/ip`, { requester: dispatcherRequester(pool) });
 */
export function dispatcherRequester(dispatcher: Dispatcher): Requester {
  return async (url, options) => {
    const target = new URL(url);
    const response = await dispatcher.request({
      origin: target.origin,
      path: target.pathname + target.search,
      method: 'GET',
      ...(options?.headers ? { headers: { ...options.headers } } : {}),
      ...(options?.signal ? { signal: options.signal } : {}),
    });
    return { status: response.statusCode, headers: response.headers, body: response.body };
  };
}

/**
 * A requester on node:http with a new connection per request (`agent: false`, closed after the
 * response), as a worker thread uses it. It does not load undici.
 */
export function nodeHttpRequester(): Requester {
  return (url, options) =>
    new Promise<HttpResponse>((resolve, reject) => {
      const request = httpGet(url, {
        agent: false,
        ...(options?.headers ? { headers: { ...options.headers } } : {}),
        ...(options?.signal ? { signal: options.signal } : {}),
      });
      request.once('response', (response) => {
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: response });
      });
      request.once('error', reject);
    });
}

/** Options of {@link get} and its helpers. */
export interface GetOptions {
  /** How to send the request (default: {@link nodeHttpRequester}, a new connection per request). */
  readonly requester?: Requester;
  /** Deadline for the whole exchange, headers and body (ms). Default: none. */
  readonly timeoutMs?: number;
  /** Cancels the request. */
  readonly signal?: AbortSignal;
}

const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED']);
const RESET_MESSAGES = new Set(['socket hang up', 'Network error', 'other side closed', 'terminated', 'aborted']);

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** True if `error` means the peer tore the connection down (RST, premature close, MSW's network error). */
export function isConnectionReset(error: unknown): boolean {
  const code = errorCode(error);
  if (code !== undefined && RESET_CODES.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  const cause = error instanceof Error ? error.cause : undefined;
  return RESET_MESSAGES.has(message) || (cause !== undefined && cause !== error && isConnectionReset(cause));
}

/**
 * Destroys a body without an unhandled 'error': undici's BodyReadable turns a bare `destroy()`
 * of an unfinished body into an `AbortError` event, which would crash the process if nobody
 * listens. Readers (pipeline, async iteration) still receive `reason` through their own listeners.
 */
function discard(body: Readable, reason?: Error): void {
  if (body.destroyed) return;
  body.on('error', () => undefined);
  body.destroy(reason);
}

async function drain(body: Readable): Promise<void> {
  for await (const _chunk of body) {
    // discard: an error response's body is read so the connection can be reused
  }
}

/**
 * Sends a GET and hands the response to `consume` (which reads the body, e.g. into a buffer or a
 * file). Throws a {@link RequestError} for statuses >= 400 (after reading their small body, so a
 * keep-alive connection stays reusable), socket errors, the deadline and aborts; an error of
 * `consume` itself (e.g. a file that cannot be written) propagates unchanged. On any failure the
 * body is destroyed: nothing stays open.
 */
export async function get<T>(
  url: string,
  options: GetOptions,
  consume: (response: HttpResponse, signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const requester = options.requester ?? nodeHttpRequester();
  const method = 'GET';
  const controller = new AbortController();
  let phase: 'headers' | 'body' = 'headers';
  let timedOut = false;
  let response: HttpResponse | undefined;
  const { timeoutMs, signal } = options;
  if (timeoutMs !== undefined && (!Number.isFinite(timeoutMs) || timeoutMs <= 0)) {
    throw new RangeError(`get(url, options): timeoutMs must be a finite number > 0, received ${String(timeoutMs)}`);
  }
  const onCallerAbort = (): void => controller.abort(signal?.reason);
  if (signal?.aborted) {
    throw new RequestError({ method, url, reason: 'aborted', detail: 'aborted before it was sent', cause: signal.reason });
  }
  signal?.addEventListener('abort', onCallerAbort, { once: true });
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller.abort(new Error(`deadline of ${timeoutMs} ms exceeded`));
        }, timeoutMs);
  const onAbort = (): void => {
    if (response) discard(response.body, controller.signal.reason instanceof Error ? controller.signal.reason : undefined);
  };
  controller.signal.addEventListener('abort', onAbort, { once: true });
  try {
    response = await requester(url, { signal: controller.signal });
    phase = 'body';
    if (controller.signal.aborted) onAbort();
    if (response.status >= 400) {
      await drain(response.body);
      throw new RequestError({
        method,
        url,
        reason: 'status',
        status: response.status,
        detail: `HTTP ${response.status} ${STATUS_CODES[response.status] ?? 'Unknown'}`,
      });
    }
    return await consume(response, controller.signal);
  } catch (error) {
    // A consumer's own failure (say, the target file cannot be written) is not a request failure.
    const ownFailure = phase === 'body' && !timedOut && !signal?.aborted && response?.body.errored == null;
    if (response) discard(response.body);
    if (error instanceof RequestError || ownFailure) throw error;
    if (timedOut) {
      throw new RequestError({
        method,
        url,
        reason: 'timeout',
        detail: phase === 'headers' ? `no response within ${timeoutMs} ms` : `body not complete within ${timeoutMs} ms`,
        cause: error,
      });
    }
    if (signal?.aborted) {
      throw new RequestError({ method, url, reason: 'aborted', detail: 'aborted', cause: error });
    }
    const code = errorCode(error);
    if (isConnectionReset(error)) {
      throw new RequestError({ method, url, reason: 'reset', detail: 'connection reset by the server', ...(code ? { code } : {}), cause: error });
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new RequestError({ method, url, reason: 'network', detail: code ? `${code}: ${message}` : message, ...(code ? { code } : {}), cause: error });
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    signal?.removeEventListener('abort', onCallerAbort);
    controller.signal.removeEventListener('abort', onAbort);
  }
}

/** Reads a whole body into a Buffer. */
export async function readBody(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** GET `url` and return the body bytes. */
export function getBytes(url: string, options: GetOptions = {}): Promise<Buffer> {
  return get(url, options, (response) => readBody(response.body));
}

/** GET `url` and return the body as UTF-8 text. */
export async function getText(url: string, options: GetOptions = {}): Promise<string> {
  return (await getBytes(url, options)).toString('utf8');
}

/** GET `url` and parse the body as JSON (a malformed body is reported with the request's name). */
export async function getJson<T = unknown>(url: string, options: GetOptions = {}): Promise<T> {
  const text = await getText(url, options);
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new RequestError({ method: 'GET', url, reason: 'network', detail: `invalid JSON body (${(error as Error).message})`, cause: error });
  }
}
