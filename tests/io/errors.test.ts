import { describe, expect, it } from 'vitest';
import { deserializeError, isSerializedError, RequestError, requestPath, serializeError } from '../../src/io/errors.ts';

describe('RequestError', () => {
  it('names the method, the path and the failure, never the origin', () => {
    const error = new RequestError({
      method: 'GET',
      url: 'http://127.0.0.1:40123/sites/big?fault=500',
      reason: 'status',
      status: 500,
      detail: 'HTTP 500 Internal Server Error',
    });
    expect(error.message).toBe('GET /sites/big?fault=500 failed: HTTP 500 Internal Server Error');
    expect(error).toMatchObject({ name: 'RequestError', method: 'GET', path: '/sites/big?fault=500', status: 500, reason: 'status' });
    expect(requestPath('not a url')).toBe('not a url');
  });

  it('survives serialization (as across a worker boundary)', () => {
    const cause = new Error('read ECONNRESET');
    const error = new RequestError({ method: 'GET', url: 'http://x.test/ip', reason: 'reset', code: 'ECONNRESET', detail: 'connection reset by the server', cause });
    const wire = structuredClone(serializeError(error));
    expect(isSerializedError(wire)).toBe(true);
    const revived = deserializeError(wire);
    expect(revived).toBeInstanceOf(RequestError);
    expect(revived.message).toBe(error.message);
    expect(revived).toMatchObject({ method: 'GET', path: '/ip', reason: 'reset', code: 'ECONNRESET', stack: error.stack });
  });

  it('serializes other errors and thrown non-errors', () => {
    const plain = Object.assign(new TypeError('boom'), { code: 'E_BOOM', detail: { nested: true } });
    const revived = deserializeError(structuredClone(serializeError(plain)));
    expect(revived).toMatchObject({ name: 'TypeError', message: 'boom', code: 'E_BOOM' });
    expect((revived as unknown as { detail?: unknown }).detail).toBeUndefined();
    expect(deserializeError(serializeError('just a string')).message).toBe('just a string');
    expect(isSerializedError({ message: 'x' })).toBe(false);
  });
});
